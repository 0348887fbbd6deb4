// The bell in the staff header: the caller's unread count (GET /api/v1/notifications/count,
// refreshed every minute) and, when opened, their latest notifications. Clicking one marks it
// read (POST …/{id}/read) and opens its link; "Đánh dấu tất cả đã đọc" marks them all.
import { useState } from 'react';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../api/client';
import { markAllNotificationsRead, markNotificationRead } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { Notification } from '../api/types';
import { formatDateTime } from '../format';

/** How many notifications the dropdown shows (the newest). */
const SHOWN = 10;

export function NotificationBell() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const count = useQuery(queries.notificationCount());
  const list = useQuery({ ...queries.notifications({ per_page: SHOWN }), enabled: open });
  const unread = count.data?.unread ?? 0;

  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.notifications.all });
  const reading = useMutation({ mutationFn: (id: number) => markNotificationRead(id), onSettled: refresh });
  const readingAll = useMutation({ mutationFn: markAllNotificationsRead, onSettled: refresh });

  const openOne = (n: Notification) => {
    if (!n.read_at) reading.mutate(n.id);
    setOpen(false);
    if (n.link.startsWith('/') && !n.link.startsWith('//')) navigate(n.link);
  };

  const content = (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>Thông báo</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={readingAll.isPending}
          onClick={() => readingAll.mutate()}
        >
          Đánh dấu tất cả đã đọc
        </Button>
      </Flex>
      {list.isPending ? (
        <Spin size="small" />
      ) : list.isError ? (
        <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông báo nào." />
      ) : (
        <List
          size="small"
          dataSource={list.data.items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => openOne(n)}
              style={{ cursor: 'pointer', paddingInline: 4 }}
              data-testid="notification-item"
              data-unread={n.read_at ? undefined : 'true'}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.read_at}>{n.title}</Typography.Text>}
                description={
                  <>
                    {n.body && <div>{n.body}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.created_at)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button
        ghost
        shape="circle"
        aria-label={unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} overflowCount={99} size="small" offset={[4, -4]} data-testid="notification-count">
            <BellOutlined aria-hidden style={{ color: 'inherit' }} />
          </Badge>
        }
      />
    </Popover>
  );
}
