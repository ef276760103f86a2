namespace HybridSpa.EntraEmulator.Graph;

/// <summary>The delegated permissions one Graph resource accepts (any one of them), and the 403 Graph answers without them.</summary>
internal sealed record GraphPermission(IReadOnlyList<string> AnyOf, string DeniedCode, string DeniedMessage)
{
    private const string DirectoryDenied = "Authorization_RequestDenied";
    private const string DirectoryDeniedMessage = "Insufficient privileges to complete the operation.";

    // Outlook-backed resources (mail, contacts) answer with Exchange's code, directory-backed ones with the directory's.
    private const string OutlookDenied = "ErrorAccessDenied";
    private const string OutlookDeniedMessage = "Access is denied. Check credentials and try again.";

    /// <summary><c>/me</c> and its photo. UNCONFIRMED: the 403 for a token without a profile-reading permission.</summary>
    public static GraphPermission SignedInUser { get; } = new(
        ["User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All"], DirectoryDenied, DirectoryDeniedMessage);

    /// <summary><c>/users/{id | userPrincipalName}</c>.</summary>
    public static GraphPermission OtherUsers { get; } = new(
        ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All"], DirectoryDenied, DirectoryDeniedMessage);

    /// <summary><c>/me/messages</c>.</summary>
    public static GraphPermission Mail { get; } = new(["Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"], OutlookDenied, OutlookDeniedMessage);

    /// <summary><c>/me/contacts</c>.</summary>
    public static GraphPermission Contacts { get; } = new(["Contacts.Read", "Contacts.ReadWrite"], OutlookDenied, OutlookDeniedMessage);

    /// <summary><c>/oidc/userinfo</c>: a token issued with the openid scope. UNCONFIRMED: the 403 without it.</summary>
    public static GraphPermission UserInfo { get; } = new(["openid"], DirectoryDenied, DirectoryDeniedMessage);
}
