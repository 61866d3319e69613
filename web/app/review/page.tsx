import { redirect } from 'next/navigation';

/** The curator queue is the pending submissions. */
export default function ReviewPage(): never {
  redirect('/submissions?status=PENDING');
}
