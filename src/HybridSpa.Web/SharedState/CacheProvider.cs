namespace HybridSpa.Web.SharedState;

/// <summary>Where the state that several instances must share lives: session, token cache, Data Protection keys, SPA-code hand-offs.</summary>
public enum CacheProvider
{
    /// <summary>In this process only: right for one instance and for <c>dotnet run</c>; everything is lost on restart.</summary>
    Memory,

    /// <summary>A PostgreSQL database shared by every instance, through our own stores (docs/scale-out.md).</summary>
    Postgres,

    /// <summary>A Redis server shared by every instance, through Microsoft's StackExchange.Redis packages (docs/scale-out.md).</summary>
    Redis,
}
