// Spinner shown while a screen's code or data loads.
import { Flex, Spin } from 'antd';

export function PageLoading({ tip = 'Đang tải…' }: { tip?: string }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 200 }}>
      <Spin tip={tip} size="large">
        <div style={{ padding: 48 }} />
      </Spin>
    </Flex>
  );
}
