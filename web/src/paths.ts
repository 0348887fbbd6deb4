// Client paths (CONTRACT.md "Web routes"), named once for links and navigation.
export const paths = {
  portal: '/',
  catalog: '/thu-tuc',
  /** One procedure of the catalog, by its national code (d.dddddd). */
  procedure: (code: string) => `/thu-tuc/${encodeURIComponent(code)}`,
  /** Online submission of a dossier for a procedure. */
  submit: (code: string) => `/nop-ho-so/${encodeURIComponent(code)}`,
  lookup: (code: string) => `/tra-cuu/${encodeURIComponent(code)}`,
  /** The public check of a sealed document (the QR printed on it). */
  verify: (token: string) => `/xac-thuc/${encodeURIComponent(token)}`,
  login: '/dang-nhap',
  /** The sign-in page, returning to `next` (a staff path) afterwards. */
  loginThen: (next: string) => `/dang-nhap?next=${encodeURIComponent(next)}`,
  staffHome: '/can-bo',
  account: '/can-bo/tai-khoan',
  agencies: '/can-bo/co-quan',
  users: '/can-bo/nguoi-dung',
  /** Background jobs (an administrator of the root agency). */
  jobs: '/can-bo/cong-viec-nen',
  calendar: '/can-bo/lich-lam-viec',
  /** Reception desk: receiving a dossier at the counter. */
  intake: '/can-bo/tiep-nhan',
  /** Reception: online submissions awaiting acceptance. */
  onlineQueue: '/can-bo/ho-so-truc-tuyen',
  /** Reception's list of dossiers: search and filters. */
  dossiers: '/can-bo/ho-so',
  /** One dossier: its state, timeline (control sheet), the actions the user may take, PDFs. */
  dossier: (code: string) => `/can-bo/ho-so/${encodeURIComponent(code)}`,
  /** The signed-in officer's tasks. */
  tasks: '/can-bo/cong-viec',
  /** Official documents: search and list (incoming and outgoing). */
  documents: '/can-bo/van-ban',
  /** The clerk's registration of incoming documents. */
  incomingNew: '/can-bo/van-ban/den/moi',
  /** A new outgoing draft. */
  outgoingNew: '/can-bo/van-ban/di/moi',
  /** One document: metadata, files, history, actions. */
  document: (id: number) => `/can-bo/van-ban/${id}`,
  /** A leader's unit queue, with reassignment. */
  unitTasks: '/can-bo/cong-viec-don-vi',
  /** The citizen's rating of a returned dossier, with the receipt's token. */
  rating: (code: string, token: string) => `/danh-gia/${encodeURIComponent(code)}?ma=${encodeURIComponent(token)}`,
} as const;

/** A `?next=` value is followed only when it is a path of the staff area (no open redirect). */
export function safeNext(next: string | null): string {
  if (next && /^\/can-bo(\/|$|\?)/.test(next) && !next.startsWith('//')) return next;
  return paths.staffHome;
}
