namespace HybridSpa.EntraEmulator.Graph;

/// <summary>
/// The permissions one Graph resource accepts (any one of them): delegated scopes, and for app-only tokens application roles;
/// the 403 Graph answers without them. <c>DelegatedOnly</c> resources (<c>/me…</c>) refuse app-only tokens with Graph's 400.
/// </summary>
internal sealed record GraphPermission(IReadOnlyList<string> AnyOf, string DeniedCode, string DeniedMessage, IReadOnlyList<string> ApplicationAnyOf, bool DelegatedOnly)
{
    private const string DirectoryDenied = "Authorization_RequestDenied";
    private const string DirectoryDeniedMessage = "Insufficient privileges to complete the operation.";

    // Outlook-backed resources (mail, contacts) answer with Exchange's code, directory-backed ones with the directory's.
    private const string OutlookDenied = "ErrorAccessDenied";
    private const string OutlookDeniedMessage = "Access is denied. Check credentials and try again.";

    /// <summary><c>/me</c> and its photo. UNCONFIRMED: the 403 for a token without a profile-reading permission.</summary>
    public static GraphPermission SignedInUser { get; } = new(
        ["User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All"], DirectoryDenied, DirectoryDeniedMessage,
        [], DelegatedOnly: true);

    /// <summary><c>/users</c> and <c>/users/{id | userPrincipalName}</c>; User.ReadBasic.All is delegated only, as in Graph.</summary>
    public static GraphPermission OtherUsers { get; } = new(
        ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All"], DirectoryDenied, DirectoryDeniedMessage,
        ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"], DelegatedOnly: false);

    /// <summary><c>/me/messages</c>.</summary>
    public static GraphPermission Mail { get; } = new(["Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"], OutlookDenied, OutlookDeniedMessage, [], DelegatedOnly: true);

    /// <summary><c>/me/contacts</c>.</summary>
    public static GraphPermission Contacts { get; } = new(["Contacts.Read", "Contacts.ReadWrite"], OutlookDenied, OutlookDeniedMessage, [], DelegatedOnly: true);

    /// <summary><c>/oidc/userinfo</c>: a token issued with the openid scope. UNCONFIRMED: the 403 without it (and for app-only tokens).</summary>
    public static GraphPermission UserInfo { get; } = new(["openid"], DirectoryDenied, DirectoryDeniedMessage, [], DelegatedOnly: false);
}
