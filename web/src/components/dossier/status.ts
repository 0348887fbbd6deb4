// Vietnamese names and tag colours of dossier statuses (CONTRACT.md "Dossier statuses").
import type { DossierStatus } from '../../api/types';

const labels: Record<DossierStatus, { text: string; color: string }> = {
  submitted: { text: 'Đã nộp trực tuyến, chờ tiếp nhận', color: 'default' },
  processing: { text: 'Đang giải quyết', color: 'processing' },
  supplement_requested: { text: 'Yêu cầu bổ sung hồ sơ', color: 'warning' },
  result_ready: { text: 'Đã có kết quả, chờ trả', color: 'cyan' },
  returned: { text: 'Đã trả kết quả', color: 'success' },
  refused: { text: 'Từ chối giải quyết', color: 'error' },
  withdrawn: { text: 'Đã rút hồ sơ', color: 'default' },
  stopped: { text: 'Dừng giải quyết', color: 'default' },
};

export function statusLabel(status: string): { text: string; color: string } {
  return labels[status as DossierStatus] ?? { text: status, color: 'default' };
}
