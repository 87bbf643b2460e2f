/**
 * The console speaks Vietnamese by default and English on request (the choice is kept in the
 * browser); dates and numbers in the language's own format.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type Language = 'vi' | 'en';

const vi = {
  appName: 'truyvet — truy vết COVID-19',
  language: 'English',
  signInTitle: 'Đăng nhập',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  signInFailed: 'Sai tên đăng nhập hoặc mật khẩu.',
  offline: 'Mất kết nối tới máy chủ. Những gì bạn đã nhập vẫn còn; hãy thử lại.',
  home: 'Trang chính',
  users: 'Người dùng',
  caseLookup: 'Tra cứu ca bệnh',
  signedInAs: 'Đang đăng nhập:',
  area: 'Địa bàn',
  role: 'Vai trò',
  roles: {
    ward_team: 'Tổ COVID phường/xã',
    district_center: 'Trung tâm Y tế quận/huyện',
    lab: 'Phòng xét nghiệm CDC',
    city: 'Ban Chỉ đạo thành phố',
    admin: 'Quản trị',
  },
  levels: { city: 'Thành phố', district: 'Quận/huyện', ward: 'Phường/xã' },
  addUser: 'Thêm người dùng',
  displayName: 'Họ tên hoặc đơn vị',
  areaLevel: 'Cấp địa bàn',
  areaCode: 'Mã địa bàn (mã GSO)',
  add: 'Thêm',
  added: 'Đã thêm',
  createdAt: 'Ngày tạo',
  caseId: 'Mã ca bệnh',
  find: 'Tìm',
  notPermitted: 'Ca bệnh này không thuộc địa bàn của bạn.',
  notFound: 'Không tìm thấy ca bệnh này.',
  status: 'Tình trạng',
  foundIn: 'Phát hiện tại',
  confirmedAt: 'Ngày xác định',
  contacts: 'Số người tiếp xúc',
  ward: 'Phường/xã',
  district: 'Quận/huyện',
  somethingWrong: 'Có lỗi xảy ra',
  passwordTooShort: 'Mật khẩu cần ít nhất 10 ký tự',
  tasks: 'Việc cần làm',
  worklist: 'Danh sách lấy mẫu',
  reason: 'Lý do',
  worklistEmpty: 'Không còn ai cần lấy mẫu.',
  toSwab: 'người cần lấy mẫu',
  reasons: {
    f1_follow_up: 'F1 xét nghiệm theo lịch',
    pool_member_retest: 'Tách mẫu gộp dương tính',
    inconclusive_retest: 'Lấy lại mẫu (kết quả chưa xác định)',
    f0_release_test: 'F0 xét nghiệm ra viện',
  },
  noTasks: 'Không có việc nào đang chờ.',
  overdue: 'Quá hạn',
  due: 'Hạn',
  person: 'Người',
  kind: 'Loại việc',
  claim: 'Nhận việc',
  complete: 'Xong',
  outcome: 'Kết quả',
  note: 'Ghi chú',
  claimedBy: 'Người nhận',
  updatedAt: 'Cập nhật lúc',
  kinds: {
    interview_case: 'Phỏng vấn F0',
    call_contact: 'Gọi F1',
    hotline_tip: 'Tin báo đường dây nóng',
    confirm_candidate: 'Xác nhận tiếp xúc',
    confirm_identity: 'Xác nhận danh tính',
  },
  outcomes: {
    reached: 'Đã liên lạc',
    not_reachable: 'Không liên lạc được',
    refused: 'Từ chối',
    moved: 'Đã chuyển đi',
    confirmed: 'Đã xác nhận',
    dismissed: 'Bỏ qua',
  },
  usernameShape: 'Từ 3 đến 32 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới',
};

type Messages = typeof vi;

const en: Messages = {
  appName: 'truyvet — COVID-19 tracing',
  language: 'Tiếng Việt',
  signInTitle: 'Sign in',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInFailed: 'Wrong username or password.',
  offline: 'The server cannot be reached. What you typed is kept; try again.',
  home: 'Home',
  users: 'Users',
  caseLookup: 'Find a case',
  signedInAs: 'Signed in as',
  area: 'Area',
  role: 'Role',
  roles: {
    ward_team: 'Ward COVID team',
    district_center: 'District medical center',
    lab: 'CDC laboratory',
    city: 'City steering committee',
    admin: 'Administrator',
  },
  levels: { city: 'City', district: 'District', ward: 'Ward' },
  addUser: 'Add a user',
  displayName: 'Name or unit',
  areaLevel: 'Area level',
  areaCode: 'Area code (GSO)',
  add: 'Add',
  added: 'Added',
  createdAt: 'Created',
  caseId: 'Case ID',
  find: 'Find',
  notPermitted: 'This case is not in your area.',
  notFound: 'No such case.',
  status: 'Status',
  foundIn: 'Found in',
  confirmedAt: 'Confirmed on',
  contacts: 'Contacts',
  ward: 'Ward',
  district: 'District',
  somethingWrong: 'Something went wrong',
  passwordTooShort: 'A password needs at least 10 characters',
  tasks: 'Tasks',
  worklist: 'Sampling worklist',
  reason: 'Reason',
  worklistEmpty: 'Nobody left to swab.',
  toSwab: 'to swab',
  reasons: {
    f1_follow_up: 'F1 scheduled test',
    pool_member_retest: 'Member of a positive pool',
    inconclusive_retest: 'New sample (inconclusive result)',
    f0_release_test: 'F0 release test',
  },
  noTasks: 'Nothing waiting.',
  overdue: 'Overdue',
  due: 'Due',
  person: 'Person',
  kind: 'Task',
  claim: 'Claim',
  complete: 'Done',
  outcome: 'Outcome',
  note: 'Note',
  claimedBy: 'Claimed by',
  updatedAt: 'Updated at',
  kinds: {
    interview_case: 'Interview an F0',
    call_contact: 'Call an F1',
    hotline_tip: 'Hotline tip',
    confirm_candidate: 'Confirm a contact',
    confirm_identity: 'Confirm an identity',
  },
  outcomes: {
    reached: 'Reached',
    not_reachable: 'Not reachable',
    refused: 'Refused',
    moved: 'Moved away',
    confirmed: 'Confirmed',
    dismissed: 'Dismissed',
  },
  usernameShape: '3 to 32 characters: lower-case letters, digits, dots, dashes or underscores',
};

const MESSAGES: Record<Language, Messages> = { vi, en };
const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

interface I18n {
  language: Language;
  t: Messages;
  setLanguage: (language: Language) => void;
  formatDate: (iso: string) => string;
  formatTime: (date: Date) => string;
  formatNumber: (n: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    localStorage.getItem('truyvet.language') === 'en' ? 'en' : 'vi',
  );
  const value = useMemo<I18n>(() => {
    const locale = LOCALE[language];
    const dates = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const numbers = new Intl.NumberFormat(locale);
    const times = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    document.documentElement.lang = language;
    return {
      language,
      t: MESSAGES[language],
      setLanguage: (next) => {
        localStorage.setItem('truyvet.language', next);
        setLanguageState(next);
      },
      formatDate: (iso) => (iso ? dates.format(new Date(iso)) : '—'),
      formatNumber: (n) => numbers.format(n),
      formatTime: (date) => times.format(date),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
