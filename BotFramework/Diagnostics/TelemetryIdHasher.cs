using System.Security.Cryptography;
using System.Text;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>
/// Turns conversation and reader ids into keyed hashes (HMAC-SHA256, first 16 hex digits) for telemetry: the same id
/// gives the same hash under one key, so an operator can follow a conversation across turns, but nobody without the
/// key can tell which reader it was or test a guessed id. With no configured key a random one is drawn per process,
/// so hashes then only correlate within one run.
/// </summary>
public sealed class TelemetryIdHasher
{
    private const int MinimumKeyBytes = 16;
    private readonly byte[] _key;

    /// <summary>Creates a hasher with <paramref name="key"/>.</summary>
    /// <param name="key">At least 16 bytes of secret.</param>
    public TelemetryIdHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The telemetry hash key needs at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>A hasher whose key is <paramref name="configuredKey"/> (a secret of 16 or more characters), or random when it is empty.</summary>
    /// <param name="configuredKey">The configured secret, e.g. Telemetry:IdHashKey.</param>
    /// <returns>The hasher.</returns>
    /// <exception cref="ArgumentException">The configured key is shorter than 16 characters.</exception>
    public static TelemetryIdHasher FromConfiguredKey(string? configuredKey)
    {
        if (string.IsNullOrEmpty(configuredKey))
        {
            return new TelemetryIdHasher(RandomNumberGenerator.GetBytes(32));
        }

        return configuredKey.Length >= MinimumKeyBytes
            ? new TelemetryIdHasher(Encoding.UTF8.GetBytes(configuredKey))
            : throw new ArgumentException($"Telemetry:IdHashKey must be at least {MinimumKeyBytes} characters long.", nameof(configuredKey));
    }

    /// <summary>The keyed hash of <paramref name="id"/>; null for a null or empty id.</summary>
    /// <param name="id">A conversation or account id.</param>
    /// <returns>16 lower-case hex digits, or null.</returns>
    public string? Hash(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var maxBytes = Encoding.UTF8.GetMaxByteCount(id.Length);
        var buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(id, buffer);
        HMACSHA256.HashData(_key, buffer[..length], mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}
