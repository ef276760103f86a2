import type { AuthErrorDetails } from "../auth/errorActions";

interface ErrorScreenProps {
  readonly title: string;
  readonly details: Pick<AuthErrorDetails, "message"> & Partial<AuthErrorDetails>;
  readonly onRetry: () => void;
}

/** A failure the user can report and retry: AADSTS code, correlation id and message, never a blank page. */
export function ErrorScreen({ title, details, onRetry }: ErrorScreenProps) {
  return (
    <section className="card error-screen" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{title}</h2>
      <p className="error-message">{details.message}</p>
      <dl className="fields">
        {details.aadstsCode != null && <Field label="Error code" value={`AADSTS${details.aadstsCode}`} />}
        {details.errorCode != null && <Field label="MSAL error" value={details.errorCode} />}
        {details.correlationId != null && <Field label="Correlation ID" value={details.correlationId} />}
      </dl>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </section>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <code>{value}</code>
      </dd>
    </>
  );
}
