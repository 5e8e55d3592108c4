namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// Service URLs the operator vouches for (<c>BotFramework:Connector:AllowedServiceUrls</c>): a channel gateway on a
/// private network, or an Emulator reached through a tunnel. Their host and port are connected to whatever address they
/// resolve to, and in anonymous mode they are trusted like loopback ones.
/// </summary>
public sealed class ServiceUrlAllowList
{
    private readonly HashSet<string> _baseUrls = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string Host, int Port)> _endpoints = [];

    /// <summary>Creates the list from absolute http(s) URLs.</summary>
    /// <exception cref="ArgumentException">An entry is not an absolute http or https URL.</exception>
    public ServiceUrlAllowList(IEnumerable<string>? serviceUrls = null)
    {
        foreach (var url in serviceUrls ?? [])
        {
            if (string.IsNullOrWhiteSpace(url))
            {
                continue;
            }

            var trimmed = url.Trim();
            if (!ConnectorClient.IsValidServiceUrl(trimmed))
            {
                throw new ArgumentException($"BotFramework:Connector:AllowedServiceUrls holds '{trimmed}', which is not an absolute http or https URL.", nameof(serviceUrls));
            }

            var uri = new Uri(trimmed);
            _baseUrls.Add(ConnectorClient.NormalizeBaseUrl(trimmed));
            _endpoints.Add((uri.IdnHost, uri.Port));
        }
    }

    /// <summary>True when nothing is allowed beyond the default policy.</summary>
    public bool IsEmpty => _baseUrls.Count == 0;

    /// <summary>True when <paramref name="serviceUrl"/> (normalized) is on the list.</summary>
    public bool Contains(string? serviceUrl) =>
        ConnectorClient.IsValidServiceUrl(serviceUrl) && _baseUrls.Contains(ConnectorClient.NormalizeBaseUrl(serviceUrl));

    /// <summary>True when a listed service URL has this host and port (what a connection sees).</summary>
    public bool ContainsEndpoint(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _endpoints.Contains((host.TrimEnd('.'), port)) || _endpoints.Contains((host.Trim('[', ']'), port));
    }
}
