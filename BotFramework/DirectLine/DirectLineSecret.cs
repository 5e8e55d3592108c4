using System.Security.Cryptography;
using System.Text;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// The endpoint's secret: from configuration, or generated once and kept in the data folder so
/// tokens stay valid across restarts. Also derives the token-signing key, so the secret itself is
/// never used raw as an HMAC key.
/// </summary>
internal sealed class DirectLineSecret
{
    internal const string FileName = "directline.secret";

    private readonly byte[] _secretBytes;

    private DirectLineSecret(string secret)
    {
        Value = secret;
        _secretBytes = Encoding.UTF8.GetBytes(secret);
        SigningKey = HMACSHA256.HashData(_secretBytes, "AuthorBot.DirectLine token signing v1"u8);
    }

    /// <summary>The secret as a bearer credential.</summary>
    public string Value { get; }

    /// <summary>The HMAC-SHA256 key tokens are signed with.</summary>
    public byte[] SigningKey { get; }

    /// <summary>Whether <paramref name="candidate"/> is the secret (constant-time comparison).</summary>
    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _secretBytes);

    /// <summary>Uses <paramref name="configured"/> when set; otherwise reads or creates the secret file in <paramref name="dataDirectory"/>.</summary>
    public static DirectLineSecret Resolve(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DirectLineSecret(configured.Trim());
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32)
            {
                return new DirectLineSecret(existing);
            }
        }

        var generated = Base64Url(RandomNumberGenerator.GetBytes(32));
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

        return new DirectLineSecret(File.ReadAllText(path).Trim());
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
