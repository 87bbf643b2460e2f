// Original file: protos/truyvet/reports/v1/reports.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DailyReport as _truyvet_reports_v1_DailyReport, DailyReport__Output as _truyvet_reports_v1_DailyReport__Output } from '../../../truyvet/reports/v1/DailyReport';
import type { DailyReports as _truyvet_reports_v1_DailyReports, DailyReports__Output as _truyvet_reports_v1_DailyReports__Output } from '../../../truyvet/reports/v1/DailyReports';
import type { ExportReportRequest as _truyvet_reports_v1_ExportReportRequest, ExportReportRequest__Output as _truyvet_reports_v1_ExportReportRequest__Output } from '../../../truyvet/reports/v1/ExportReportRequest';
import type { ExportedReport as _truyvet_reports_v1_ExportedReport, ExportedReport__Output as _truyvet_reports_v1_ExportedReport__Output } from '../../../truyvet/reports/v1/ExportedReport';
import type { ReportRequest as _truyvet_reports_v1_ReportRequest, ReportRequest__Output as _truyvet_reports_v1_ReportRequest__Output } from '../../../truyvet/reports/v1/ReportRequest';
import type { RiskLevels as _truyvet_reports_v1_RiskLevels, RiskLevels__Output as _truyvet_reports_v1_RiskLevels__Output } from '../../../truyvet/reports/v1/RiskLevels';
import type { TurnaroundReport as _truyvet_reports_v1_TurnaroundReport, TurnaroundReport__Output as _truyvet_reports_v1_TurnaroundReport__Output } from '../../../truyvet/reports/v1/TurnaroundReport';

export interface ReportsClient extends grpc.Client {
  ExportReport(argument: _truyvet_reports_v1_ExportReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_ExportedReport__Output>): grpc.ClientUnaryCall;
  ExportReport(argument: _truyvet_reports_v1_ExportReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_ExportedReport__Output>): grpc.ClientUnaryCall;
  ExportReport(argument: _truyvet_reports_v1_ExportReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_ExportedReport__Output>): grpc.ClientUnaryCall;
  ExportReport(argument: _truyvet_reports_v1_ExportReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_ExportedReport__Output>): grpc.ClientUnaryCall;
  exportReport(argument: _truyvet_reports_v1_ExportReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_ExportedReport__Output>): grpc.ClientUnaryCall;
  exportReport(argument: _truyvet_reports_v1_ExportReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_ExportedReport__Output>): grpc.ClientUnaryCall;
  exportReport(argument: _truyvet_reports_v1_ExportReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_ExportedReport__Output>): grpc.ClientUnaryCall;
  exportReport(argument: _truyvet_reports_v1_ExportReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_ExportedReport__Output>): grpc.ClientUnaryCall;
  
  GetDailyReport(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReport__Output>): grpc.ClientUnaryCall;
  GetDailyReport(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReport__Output>): grpc.ClientUnaryCall;
  GetDailyReport(argument: _truyvet_reports_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReport__Output>): grpc.ClientUnaryCall;
  GetDailyReport(argument: _truyvet_reports_v1_ReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReport__Output>): grpc.ClientUnaryCall;
  getDailyReport(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReport__Output>): grpc.ClientUnaryCall;
  getDailyReport(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReport__Output>): grpc.ClientUnaryCall;
  getDailyReport(argument: _truyvet_reports_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReport__Output>): grpc.ClientUnaryCall;
  getDailyReport(argument: _truyvet_reports_v1_ReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReport__Output>): grpc.ClientUnaryCall;
  
  GetRiskLevels(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_RiskLevels__Output>): grpc.ClientUnaryCall;
  GetRiskLevels(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_RiskLevels__Output>): grpc.ClientUnaryCall;
  GetRiskLevels(argument: _truyvet_reports_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_RiskLevels__Output>): grpc.ClientUnaryCall;
  GetRiskLevels(argument: _truyvet_reports_v1_ReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_RiskLevels__Output>): grpc.ClientUnaryCall;
  getRiskLevels(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_RiskLevels__Output>): grpc.ClientUnaryCall;
  getRiskLevels(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_RiskLevels__Output>): grpc.ClientUnaryCall;
  getRiskLevels(argument: _truyvet_reports_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_RiskLevels__Output>): grpc.ClientUnaryCall;
  getRiskLevels(argument: _truyvet_reports_v1_ReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_RiskLevels__Output>): grpc.ClientUnaryCall;
  
  GetTurnaround(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_TurnaroundReport__Output>): grpc.ClientUnaryCall;
  GetTurnaround(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_TurnaroundReport__Output>): grpc.ClientUnaryCall;
  GetTurnaround(argument: _truyvet_reports_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_TurnaroundReport__Output>): grpc.ClientUnaryCall;
  GetTurnaround(argument: _truyvet_reports_v1_ReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_TurnaroundReport__Output>): grpc.ClientUnaryCall;
  getTurnaround(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_TurnaroundReport__Output>): grpc.ClientUnaryCall;
  getTurnaround(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_TurnaroundReport__Output>): grpc.ClientUnaryCall;
  getTurnaround(argument: _truyvet_reports_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_TurnaroundReport__Output>): grpc.ClientUnaryCall;
  getTurnaround(argument: _truyvet_reports_v1_ReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_TurnaroundReport__Output>): grpc.ClientUnaryCall;
  
  ListDailyReports(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReports__Output>): grpc.ClientUnaryCall;
  ListDailyReports(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReports__Output>): grpc.ClientUnaryCall;
  ListDailyReports(argument: _truyvet_reports_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReports__Output>): grpc.ClientUnaryCall;
  ListDailyReports(argument: _truyvet_reports_v1_ReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReports__Output>): grpc.ClientUnaryCall;
  listDailyReports(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReports__Output>): grpc.ClientUnaryCall;
  listDailyReports(argument: _truyvet_reports_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReports__Output>): grpc.ClientUnaryCall;
  listDailyReports(argument: _truyvet_reports_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReports__Output>): grpc.ClientUnaryCall;
  listDailyReports(argument: _truyvet_reports_v1_ReportRequest, callback: grpc.requestCallback<_truyvet_reports_v1_DailyReports__Output>): grpc.ClientUnaryCall;
  
}

export interface ReportsHandlers extends grpc.UntypedServiceImplementation {
  ExportReport: grpc.handleUnaryCall<_truyvet_reports_v1_ExportReportRequest__Output, _truyvet_reports_v1_ExportedReport>;
  
  GetDailyReport: grpc.handleUnaryCall<_truyvet_reports_v1_ReportRequest__Output, _truyvet_reports_v1_DailyReport>;
  
  GetRiskLevels: grpc.handleUnaryCall<_truyvet_reports_v1_ReportRequest__Output, _truyvet_reports_v1_RiskLevels>;
  
  GetTurnaround: grpc.handleUnaryCall<_truyvet_reports_v1_ReportRequest__Output, _truyvet_reports_v1_TurnaroundReport>;
  
  ListDailyReports: grpc.handleUnaryCall<_truyvet_reports_v1_ReportRequest__Output, _truyvet_reports_v1_DailyReports>;
  
}

export interface ReportsDefinition extends grpc.ServiceDefinition {
  ExportReport: MethodDefinition<_truyvet_reports_v1_ExportReportRequest, _truyvet_reports_v1_ExportedReport, _truyvet_reports_v1_ExportReportRequest__Output, _truyvet_reports_v1_ExportedReport__Output>
  GetDailyReport: MethodDefinition<_truyvet_reports_v1_ReportRequest, _truyvet_reports_v1_DailyReport, _truyvet_reports_v1_ReportRequest__Output, _truyvet_reports_v1_DailyReport__Output>
  GetRiskLevels: MethodDefinition<_truyvet_reports_v1_ReportRequest, _truyvet_reports_v1_RiskLevels, _truyvet_reports_v1_ReportRequest__Output, _truyvet_reports_v1_RiskLevels__Output>
  GetTurnaround: MethodDefinition<_truyvet_reports_v1_ReportRequest, _truyvet_reports_v1_TurnaroundReport, _truyvet_reports_v1_ReportRequest__Output, _truyvet_reports_v1_TurnaroundReport__Output>
  ListDailyReports: MethodDefinition<_truyvet_reports_v1_ReportRequest, _truyvet_reports_v1_DailyReports, _truyvet_reports_v1_ReportRequest__Output, _truyvet_reports_v1_DailyReports__Output>
}
