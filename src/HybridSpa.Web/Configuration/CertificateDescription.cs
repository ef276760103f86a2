namespace HybridSpa.Web.Configuration;

/// <summary>Where a client certificate comes from (a subset of Microsoft.Identity.Web's CertificateDescription).</summary>
public sealed class CertificateDescription
{
    /// <summary><c>Path</c> or <c>Base64Encoded</c>.</summary>
    public string? SourceType { get; set; }

    /// <summary>File path of a PKCS#12 file when <see cref="SourceType"/> is <c>Path</c>.</summary>
    public string? CertificateDiskPath { get; set; }

    /// <summary>Password of the PKCS#12 file or blob.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Base64 PKCS#12 blob when <see cref="SourceType"/> is <c>Base64Encoded</c>.</summary>
    public string? Base64EncodedValue { get; set; }
}
