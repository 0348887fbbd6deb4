// Catches render errors and failed chunk loads (e.g. an old tab after a redeploy) so the
// user sees a Vietnamese message and a way out instead of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Lỗi hiển thị trang', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title="Không hiển thị được trang"
        subTitle="Đã xảy ra lỗi khi tải trang. Vui lòng tải lại trang hoặc thử lại sau."
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            Tải lại trang
          </Button>
        }
      />
    );
  }
}
