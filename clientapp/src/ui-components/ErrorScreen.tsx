import type { AuthErrorDetails } from "../auth/errorActions";

/** The one action an error card offers: the one that can help. */
export interface ErrorScreenAction {
  readonly label: string;
  readonly onAction: () => void;
}

interface ErrorScreenProps {
  readonly title: string;
  /** What happened and what to do, in the user's words; the raw message follows it. */
  readonly summary?: string;
  readonly details: Pick<AuthErrorDetails, "message"> & Partial<AuthErrorDetails>;
  readonly action: ErrorScreenAction;
}

/** A failure the user can act on and report: what happened, one action, then AADSTS code, correlation id and message. */
export function ErrorScreen({ title, summary, details, action }: ErrorScreenProps) {
  return (
    <section className="card error-screen" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{title}</h2>
      {summary !== undefined && <p className="error-summary">{summary}</p>}
      <dl className="fields">
        <Field label="Details" value={details.message} />
        {details.aadstsCode != null && <Field label="Error code" value={`AADSTS${details.aadstsCode}`} />}
        {details.errorCode != null && <Field label="MSAL error" value={details.errorCode} />}
        {details.correlationId != null && <Field label="Correlation ID" value={details.correlationId} />}
      </dl>
      <p className="actions">
        <button type="button" onClick={action.onAction}>
          {action.label}
        </button>
      </p>
    </section>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <code className="error-message">{value}</code>
      </dd>
    </>
  );
}
