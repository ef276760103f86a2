namespace HybridSpa.EntraEmulator.Configuration;

/// <summary>A user as one tenant's directory knows them: a member with their own ids, or a guest with ids of the tenant's own.</summary>
internal sealed record DirectoryMember(TestUser User, string ObjectId, string UserPrincipalName, bool IsGuest);
