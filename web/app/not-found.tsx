import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="notice">
      <h1>Not found</h1>
      <p>
        There is no page or cluster at this address. Cluster addresses look like <code>/clusters/Mo5S2-anion</code>.
      </p>
      <p>
        <Link href="/">Search the catalog</Link>
      </p>
    </div>
  );
}
