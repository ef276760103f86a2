namespace HybridSpa.Web.Security;

/// <summary>
/// The development server this request's page loads its scripts from, if any: the Content-Security-Policy lets the page
/// connect to it and apply the styles its client injects. Declared here and provided by the host page, so the headers and the
/// page's script tags agree without this folder knowing where scripts come from.
/// </summary>
public interface IDevServerOrigin
{
    /// <summary>The development server's origin when this request's page loads scripts from it, else null.</summary>
    Task<Uri?> GetDevServerAsync(CancellationToken cancellationToken);
}
