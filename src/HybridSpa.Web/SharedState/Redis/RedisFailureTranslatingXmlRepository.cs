using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace HybridSpa.Web.SharedState.Redis;

/// <summary>
/// The package's key ring repository (<c>PersistKeysToStackExchangeRedis</c>) as it is, except that Redis being down surfaces
/// as <see cref="SharedStateUnavailableException"/>: an instance that cannot read the ring (started during an outage) answers
/// 503, not 500.
/// </summary>
internal sealed class RedisFailureTranslatingXmlRepository(IXmlRepository redisRepository) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => RedisFailures.Guard(redisRepository.GetAllElements);

    public void StoreElement(XElement element, string friendlyName) => RedisFailures.Guard(() => redisRepository.StoreElement(element, friendlyName));
}
