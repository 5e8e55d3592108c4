using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace AuthorBot.BotFramework.Tests.Auth;

/// <summary>A throw-away self-signed RSA certificate, written as PFX or PEM, and the check Azure AD makes of a client assertion signed with it.</summary>
internal sealed class TestCertificate : IDisposable
{
    private static readonly string[] _thumbprintHeaders = ["x5t", "x5t#S256"];

    private TestCertificate(X509Certificate2 certificate)
    {
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public static TestCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=AuthorBot test bot", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new TestCertificate(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1)));
    }

    public void WritePfx(string path, string? password) => File.WriteAllBytes(path, Certificate.Export(X509ContentType.Pfx, password));

    /// <summary>Certificate and unencrypted PKCS#8 key in one file.</summary>
    public void WritePem(string path)
    {
        using var key = Certificate.GetRSAPrivateKey()!;
        File.WriteAllText(path, Certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>
    /// Checks <paramref name="assertion"/> as Azure AD does: RS256/PS256 signature by this certificate's key, the
    /// certificate's thumbprint in the header, iss = sub = the client id, aud = the token endpoint, exp in the future.
    /// </summary>
    /// <returns>Null when valid, else what is wrong.</returns>
    public string? Check(string assertion, string clientId, string tokenEndpoint)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return "not a JWS";
        }

        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url(parts[1]));
        var alg = header.RootElement.GetProperty("alg").GetString();
        var padding = alg switch
        {
            "RS256" => RSASignaturePadding.Pkcs1,
            "PS256" => RSASignaturePadding.Pss,
            _ => null,
        };
        if (padding is null)
        {
            return "alg " + alg;
        }

        using var publicKey = Certificate.GetRSAPublicKey()!;
        if (!publicKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url(parts[2]), HashAlgorithmName.SHA256, padding))
        {
            return "bad signature";
        }

        var thumbprints = _thumbprintHeaders
            .Where(name => header.RootElement.TryGetProperty(name, out _))
            .Select(name => header.RootElement.GetProperty(name).GetString())
            .ToList();
        var sha1 = Convert.ToBase64String(Certificate.GetCertHash()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var sha256 = Convert.ToBase64String(Certificate.GetCertHash(HashAlgorithmName.SHA256)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (!thumbprints.Contains(sha1) && !thumbprints.Contains(sha256))
        {
            return "the header names another certificate";
        }

        var claims = payload.RootElement;
        if (claims.GetProperty("iss").GetString() != clientId || claims.GetProperty("sub").GetString() != clientId)
        {
            return "iss and sub must be the client id";
        }

        if (claims.GetProperty("aud").GetString() != tokenEndpoint)
        {
            return "aud " + claims.GetProperty("aud").GetString();
        }

        var exp = claims.GetProperty("exp");
        var expires = exp.ValueKind == JsonValueKind.Number ? exp.GetInt64() : long.Parse(exp.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return expires > DateTimeOffset.UtcNow.ToUnixTimeSeconds() ? null : "expired";
    }

    public void Dispose() => Certificate.Dispose();

    private static byte[] Base64Url(string text) => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4));
}
