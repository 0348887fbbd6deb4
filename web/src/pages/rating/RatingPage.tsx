// "/danh-gia/:code?ma=<token>" — the citizen rates a returned dossier, once, from a phone
// (the receipt's QR leads to the lookup page, which links here once the result is returned):
// a score of 1–5 stars, optional criteria (attitude, guidance, time taken, fees as posted),
// a comment. GET …/rating?token= tells whether it was already rated (200) or not (404).
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Rate, Result, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';

import { ApiError, errorMessage } from '../../api/client';
import { postRating } from '../../api/endpoints';
import { isNotFound, keys, queries } from '../../api/queries';
import type { Rating, RatingCriterion } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { paths } from '../../paths';

const SCORE_TEXTS = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];

const CRITERIA: { key: RatingCriterion; label: string }[] = [
  { key: 'attitude', label: 'Thái độ phục vụ của cán bộ' },
  { key: 'guidance', label: 'Hướng dẫn, giải thích rõ ràng' },
  { key: 'time_taken', label: 'Thời gian giải quyết' },
  { key: 'fees_as_posted', label: 'Phí, lệ phí đúng quy định niêm yết' },
];

interface Values {
  score?: number;
  attitude?: number;
  guidance?: number;
  time_taken?: number;
  fees_as_posted?: number;
  comment?: string;
}

export default function RatingPage() {
  usePageTitle('Đánh giá mức độ hài lòng');
  const code = (useParams<{ code: string }>().code ?? '').trim();
  const token = (useSearchParams()[0].get('ma') ?? '').trim();
  const dossier = useQuery({ ...queries.publicDossier(code), enabled: token !== '' });
  const rating = useQuery({ ...queries.rating(code, token), enabled: token !== '' });
  const [justRated, setJustRated] = useState(false);

  let body;
  if (!token) {
    body = (
      <Alert
        type="warning"
        showIcon
        data-testid="rating-error"
        message="Đường dẫn đánh giá thiếu mã xác nhận."
        description="Vui lòng quét lại mã QR trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả."
      />
    );
  } else if (rating.isPending || dossier.isPending) {
    body = <PageLoading tip="Đang tải…" />;
  } else if (rating.isSuccess) {
    body = <AlreadyRated rating={rating.data} justRated={justRated} />;
  } else if (!isNotFound(rating.error)) {
    body = <Alert type="error" showIcon data-testid="rating-error" message={errorMessage(rating.error)} />;
  } else if (dossier.isError) {
    body = <Alert type="error" showIcon data-testid="rating-error" message={errorMessage(dossier.error)} />;
  } else if (dossier.data.status !== 'returned') {
    body = (
      <Alert
        type="info"
        showIcon
        data-testid="rating-not-yet"
        message="Hồ sơ chưa trả kết quả."
        description="Bạn có thể đánh giá sau khi nhận kết quả giải quyết hồ sơ."
      />
    );
  } else {
    body = <RatingForm code={code} token={token} onRated={() => setJustRated(true)} />;
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 560, margin: '0 auto', display: 'flex' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0, marginBottom: 4 }}>
          Đánh giá mức độ hài lòng
        </Typography.Title>
        <Typography.Text type="secondary">
          Hồ sơ <Typography.Text strong>{code}</Typography.Text>
          {dossier.data && <> — {dossier.data.procedure_name}</>}
        </Typography.Text>
      </div>
      {body}
      <Link to={paths.lookup(code) + (token ? `?ma=${encodeURIComponent(token)}` : '')}>Xem tình trạng hồ sơ</Link>
    </Space>
  );
}

function AlreadyRated({ rating, justRated }: { rating: Rating; justRated: boolean }) {
  return (
    <div data-testid="rating-done">
      <Result
        status="success"
        title={justRated ? 'Cảm ơn bạn đã đánh giá!' : 'Hồ sơ này đã được đánh giá. Cảm ơn bạn!'}
        subTitle={
          <Space direction="vertical" size={4}>
            <Rate disabled value={rating.score} />
            <span>{SCORE_TEXTS[rating.score - 1]}</span>
            {rating.comment && <Typography.Text italic>“{rating.comment}”</Typography.Text>}
          </Space>
        }
      />
    </div>
  );
}

function RatingForm({ code, token, onRated }: { code: string; token: string; onRated: () => void }) {
  const [form] = Form.useForm<Values>();
  const score = Form.useWatch('score', form);
  const [failure, setFailure] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const criteria: Partial<Record<RatingCriterion, number>> = {};
      for (const { key } of CRITERIA) if (values[key]) criteria[key] = values[key];
      const comment = values.comment?.trim();
      return postRating(code, {
        token,
        score: values.score ?? 0,
        ...(Object.keys(criteria).length > 0 ? { criteria } : {}),
        ...(comment ? { comment } : {}),
      });
    },
  });

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      const answer = await mutation.mutateAsync(values);
      onRated();
      queryClient.setQueryData(keys.rating(code, token), answer);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Rated meanwhile (another tab), or not returned after all: show what is true now.
        await queryClient.invalidateQueries({ queryKey: keys.rating(code, token) });
      }
      setFailure(errorMessage(error));
    }
  };

  return (
    <Card data-testid="rating-form">
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="rating-failure" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="score"
          label="Mức độ hài lòng chung"
          rules={[{ required: true, message: 'Vui lòng chọn số sao (từ 1 đến 5).' }]}
          extra={score ? SCORE_TEXTS[score - 1] : 'Chạm vào số sao để chọn.'}
        >
          <Rate style={{ fontSize: 36 }} data-testid="rating-score" />
        </Form.Item>
        <Typography.Text type="secondary">Đánh giá thêm theo từng tiêu chí:</Typography.Text>
        {CRITERIA.map(({ key, label }) => (
          <Form.Item key={key} name={key} label={label} style={{ marginBottom: 8 }}>
            <Rate style={{ fontSize: 26 }} data-testid={`rating-${key}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label="Ý kiến góp ý" style={{ marginTop: 8 }}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={mutation.isPending}>
          Gửi đánh giá
        </Button>
      </Form>
    </Card>
  );
}
