import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Area as _truyvet_reports_v1_Area, Area__Output as _truyvet_reports_v1_Area__Output } from './truyvet/reports/v1/Area';
import type { AreaName as _truyvet_reports_v1_AreaName, AreaName__Output as _truyvet_reports_v1_AreaName__Output } from './truyvet/reports/v1/AreaName';
import type { CaseFigures as _truyvet_reports_v1_CaseFigures, CaseFigures__Output as _truyvet_reports_v1_CaseFigures__Output } from './truyvet/reports/v1/CaseFigures';
import type { DailyReport as _truyvet_reports_v1_DailyReport, DailyReport__Output as _truyvet_reports_v1_DailyReport__Output } from './truyvet/reports/v1/DailyReport';
import type { DailyReports as _truyvet_reports_v1_DailyReports, DailyReports__Output as _truyvet_reports_v1_DailyReports__Output } from './truyvet/reports/v1/DailyReports';
import type { DistrictTurnaround as _truyvet_reports_v1_DistrictTurnaround, DistrictTurnaround__Output as _truyvet_reports_v1_DistrictTurnaround__Output } from './truyvet/reports/v1/DistrictTurnaround';
import type { Durations as _truyvet_reports_v1_Durations, Durations__Output as _truyvet_reports_v1_Durations__Output } from './truyvet/reports/v1/Durations';
import type { ExportReportRequest as _truyvet_reports_v1_ExportReportRequest, ExportReportRequest__Output as _truyvet_reports_v1_ExportReportRequest__Output } from './truyvet/reports/v1/ExportReportRequest';
import type { ExportedReport as _truyvet_reports_v1_ExportedReport, ExportedReport__Output as _truyvet_reports_v1_ExportedReport__Output } from './truyvet/reports/v1/ExportedReport';
import type { IsolationFigures as _truyvet_reports_v1_IsolationFigures, IsolationFigures__Output as _truyvet_reports_v1_IsolationFigures__Output } from './truyvet/reports/v1/IsolationFigures';
import type { Overdue as _truyvet_reports_v1_Overdue, Overdue__Output as _truyvet_reports_v1_Overdue__Output } from './truyvet/reports/v1/Overdue';
import type { ReportRequest as _truyvet_reports_v1_ReportRequest, ReportRequest__Output as _truyvet_reports_v1_ReportRequest__Output } from './truyvet/reports/v1/ReportRequest';
import type { ReportsClient as _truyvet_reports_v1_ReportsClient, ReportsDefinition as _truyvet_reports_v1_ReportsDefinition } from './truyvet/reports/v1/Reports';
import type { RiskLevels as _truyvet_reports_v1_RiskLevels, RiskLevels__Output as _truyvet_reports_v1_RiskLevels__Output } from './truyvet/reports/v1/RiskLevels';
import type { TestingFigures as _truyvet_reports_v1_TestingFigures, TestingFigures__Output as _truyvet_reports_v1_TestingFigures__Output } from './truyvet/reports/v1/TestingFigures';
import type { TurnaroundReport as _truyvet_reports_v1_TurnaroundReport, TurnaroundReport__Output as _truyvet_reports_v1_TurnaroundReport__Output } from './truyvet/reports/v1/TurnaroundReport';
import type { VaccinationFigures as _truyvet_reports_v1_VaccinationFigures, VaccinationFigures__Output as _truyvet_reports_v1_VaccinationFigures__Output } from './truyvet/reports/v1/VaccinationFigures';
import type { WardRisk as _truyvet_reports_v1_WardRisk, WardRisk__Output as _truyvet_reports_v1_WardRisk__Output } from './truyvet/reports/v1/WardRisk';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  truyvet: {
    reports: {
      v1: {
        Area: MessageTypeDefinition<_truyvet_reports_v1_Area, _truyvet_reports_v1_Area__Output>
        AreaName: MessageTypeDefinition<_truyvet_reports_v1_AreaName, _truyvet_reports_v1_AreaName__Output>
        CaseFigures: MessageTypeDefinition<_truyvet_reports_v1_CaseFigures, _truyvet_reports_v1_CaseFigures__Output>
        DailyReport: MessageTypeDefinition<_truyvet_reports_v1_DailyReport, _truyvet_reports_v1_DailyReport__Output>
        DailyReports: MessageTypeDefinition<_truyvet_reports_v1_DailyReports, _truyvet_reports_v1_DailyReports__Output>
        DistrictTurnaround: MessageTypeDefinition<_truyvet_reports_v1_DistrictTurnaround, _truyvet_reports_v1_DistrictTurnaround__Output>
        Durations: MessageTypeDefinition<_truyvet_reports_v1_Durations, _truyvet_reports_v1_Durations__Output>
        ExportReportRequest: MessageTypeDefinition<_truyvet_reports_v1_ExportReportRequest, _truyvet_reports_v1_ExportReportRequest__Output>
        ExportedReport: MessageTypeDefinition<_truyvet_reports_v1_ExportedReport, _truyvet_reports_v1_ExportedReport__Output>
        IsolationFigures: MessageTypeDefinition<_truyvet_reports_v1_IsolationFigures, _truyvet_reports_v1_IsolationFigures__Output>
        Overdue: MessageTypeDefinition<_truyvet_reports_v1_Overdue, _truyvet_reports_v1_Overdue__Output>
        ReportRequest: MessageTypeDefinition<_truyvet_reports_v1_ReportRequest, _truyvet_reports_v1_ReportRequest__Output>
        Reports: SubtypeConstructor<typeof grpc.Client, _truyvet_reports_v1_ReportsClient> & { service: _truyvet_reports_v1_ReportsDefinition }
        RiskLevels: MessageTypeDefinition<_truyvet_reports_v1_RiskLevels, _truyvet_reports_v1_RiskLevels__Output>
        TestingFigures: MessageTypeDefinition<_truyvet_reports_v1_TestingFigures, _truyvet_reports_v1_TestingFigures__Output>
        TurnaroundReport: MessageTypeDefinition<_truyvet_reports_v1_TurnaroundReport, _truyvet_reports_v1_TurnaroundReport__Output>
        VaccinationFigures: MessageTypeDefinition<_truyvet_reports_v1_VaccinationFigures, _truyvet_reports_v1_VaccinationFigures__Output>
        WardRisk: MessageTypeDefinition<_truyvet_reports_v1_WardRisk, _truyvet_reports_v1_WardRisk__Output>
      }
    }
  }
}

