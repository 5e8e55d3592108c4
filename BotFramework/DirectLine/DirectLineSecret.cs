using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// The endpoint's secret: from configuration, or generated once and kept (in the data folder, or in the storage that
/// instances share) so tokens stay valid across restarts and on every instance. Also derives the token-signing key, so
/// the secret itself is never used raw as an HMAC key.
/// </summary>
internal sealed class DirectLineSecret
{
    internal const string FileName = "directline.secret";

    /// <summary>Where a generated secret is kept in shared storage.</summary>
    internal const string StorageKey = "directline/secret";

    private readonly Lazy<SecretMaterial> _material;

    private DirectLineSecret(Func<string> load)
    {
        // Not cached on failure: a database that is down at the first request is asked again at the next.
        _material = new Lazy<SecretMaterial>(() => new SecretMaterial(load()), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The secret as a bearer credential.</summary>
    public string Value => _material.Value.Secret;

    /// <summary>The HMAC-SHA256 key tokens are signed with.</summary>
    public byte[] SigningKey => _material.Value.SigningKey;

    /// <summary>Whether <paramref name="candidate"/> is the secret (constant-time comparison).</summary>
    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _material.Value.Bytes);

    /// <summary>Uses <paramref name="configured"/> when set; otherwise reads or creates the secret file in <paramref name="dataDirectory"/>.</summary>
    public static DirectLineSecret Resolve(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var trimmed = configured.Trim();
            return new DirectLineSecret(() => trimmed);
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32)
            {
                return new DirectLineSecret(() => existing);
            }
        }

        var generated = Generate();
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, generated);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Two processes racing on first run: whoever moves second keeps the first file, and both
        // re-read it, so they agree on one secret.
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temporary);
        }

        var stored = File.ReadAllText(path).Trim();
        return new DirectLineSecret(() => stored);
    }

    /// <summary>
    /// Uses <paramref name="configured"/> when set; otherwise the secret kept in <paramref name="storage"/>, which
    /// instances share: the first to need it writes one (create-only, so racing instances keep the first and re-read it).
    /// Read on first use rather than here, so the host starts while the database is down.
    /// </summary>
    public static DirectLineSecret Shared(string? configured, IStorage storage)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var trimmed = configured.Trim();
            return new DirectLineSecret(() => trimmed);
        }

        // The callers (token checks) are synchronous; this blocks once per process, on the first request.
        return new DirectLineSecret(() => LoadOrCreateAsync(storage).GetAwaiter().GetResult());
    }

    private static async Task<string> LoadOrCreateAsync(IStorage storage)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var found = await storage.ReadAsync([StorageKey]).ConfigureAwait(false);
            if (found.TryGetValue(StorageKey, out var value) && value is JsonElement element
                && element.TryGetProperty("secret", out var secret) && secret.GetString() is { Length: >= 32 } existing)
            {
                return existing;
            }

            try
            {
                await storage.WriteAsync(new Dictionary<string, object>
                {
                    [StorageKey] = new JsonObject { ["eTag"] = StorageETag.CreateOnly, ["secret"] = Generate() },
                }).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException)
            {
                // Another instance wrote it first; the next read finds theirs.
            }
        }

        throw new InvalidOperationException("The Direct Line secret could not be read from or written to storage.");
    }

    private static string Generate() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private sealed class SecretMaterial
    {
        public SecretMaterial(string secret)
        {
            Secret = secret;
            Bytes = Encoding.UTF8.GetBytes(secret);
            SigningKey = HMACSHA256.HashData(Bytes, "AuthorBot.DirectLine token signing v1"u8);
        }

        public string Secret { get; }

        public byte[] Bytes { get; }

        public byte[] SigningKey { get; }
    }
}
