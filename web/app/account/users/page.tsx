import type { Metadata } from 'next';
import { AccountsAdmin } from '@/components/AccountsAdmin';

export const metadata: Metadata = { title: 'Accounts and keys' };
export const dynamic = 'force-dynamic';

export default function AccountUsersPage() {
  return (
    <>
      <h1>Accounts and keys</h1>
      <p className="prose">
        Create contributor accounts and their API keys, revoke keys and disable accounts. A revoked key or a disabled account stops working on its next request,
        website sessions included. Every change is recorded in the audit trail.
      </p>
      <AccountsAdmin />
    </>
  );
}
