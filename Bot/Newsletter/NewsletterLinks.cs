using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Newsletter;

/// <summary>
/// The links in newsletter emails: <c>/newsletter/confirm/{token}</c> and <c>/newsletter/unsubscribe/{token}</c>, each
/// token an id plus an HMAC-SHA256 of it and its purpose. The signature stops guessed or altered links before any
/// lookup; expiry and single use are kept with the id in the store.
/// </summary>
internal sealed class NewsletterLinks(NewsletterStore store, IOptions<EmailOptions> options, IServer server) : IDisposable
{
    public const string ConfirmPurpose = "confirm";
    public const string UnsubscribePurpose = "unsubscribe";

    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private byte[]? _key;

    /// <summary>A new random confirmation token id.</summary>
    public static string NewTokenId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18));

    /// <summary>The signed link for <paramref name="id"/>.</summary>
    public async Task<Uri> LinkAsync(string purpose, string id, CancellationToken cancellationToken)
    {
        var token = id + "." + await SignAsync(purpose, id, cancellationToken).ConfigureAwait(false);
        return new Uri(BaseUrl(), $"newsletter/{purpose}/{token}");
    }

    /// <summary>The id in <paramref name="token"/> when its signature is right for <paramref name="purpose"/>, otherwise null.</summary>
    public async Task<string?> ReadAsync(string purpose, string? token, CancellationToken cancellationToken)
    {
        var dot = token?.LastIndexOf('.') ?? -1;
        if (token is null || dot <= 0 || token.Length > 200)
        {
            return null;
        }

        var id = token[..dot];
        var expected = Encoding.ASCII.GetBytes(await SignAsync(purpose, id, cancellationToken).ConfigureAwait(false));
        var presented = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? id : null;
    }

    private async Task<string> SignAsync(string purpose, string id, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken).ConfigureAwait(false);
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + ":" + id)));
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } known)
        {
            return known;
        }

        await _keyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _key ??= await store.SigningKeyAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _keyGate.Release();
        }
    }

    public void Dispose() => _keyGate.Dispose();

    private Uri BaseUrl()
    {
        var configured = options.Value.PublicBaseUrl;
        var address = configured?.ToString()
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://localhost:{AuthorBotApp.DefaultPort}";
        address = address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
