using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AuthorBot.BotFramework.Auth;

/// <summary>Loads the bot's client certificate (<c>MicrosoftAppCertificatePath</c>): PFX/PKCS#12, or PEM holding the key.</summary>
internal static class AppCertificateLoader
{
    /// <summary>Loads the certificate with its RSA private key, which MSAL signs the client assertion with.</summary>
    /// <exception cref="InvalidOperationException">Missing file, wrong password, no private key: the message says which.</exception>
    public static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"MicrosoftAppCertificatePath '{path}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path)
                ? string.IsNullOrEmpty(password) ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"MicrosoftAppCertificatePath '{path}' could not be read as a PFX or as a PEM with its private key ({ex.Message}); check the file and MicrosoftAppCertificatePassword.",
                ex);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"MicrosoftAppCertificatePath '{path}' holds no RSA private key; the bot signs its token requests with it (a PEM needs the certificate and its key in one file).");
        }

        return certificate;
    }

    // PEM is text that starts (after optional whitespace or a comment line) with a BEGIN marker; PKCS#12 is DER.
    private static bool IsPem(string path)
    {
        Span<byte> head = stackalloc byte[512];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.ASCII.GetString(head[..read]).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
