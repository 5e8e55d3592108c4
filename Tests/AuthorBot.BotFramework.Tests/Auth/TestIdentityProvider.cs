using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AuthorBot.BotFramework.Tests.Auth;

/// <summary>
/// An in-memory identity provider shaped like ../shared/bench/auth/idp.js: channel metadata and keys (with
/// endorsements), Azure AD v2 metadata and keys, a rogue key it never publishes, and a rotation. Served through an
/// HttpMessageHandler, so the real ConfigurationManager reads it over "http://127.0.0.1" without a socket.
/// </summary>
internal sealed class TestIdentityProvider : HttpMessageHandler
{
    public const string ChannelMetadataUrl = "http://127.0.0.1:9/v1/.well-known/openidconfiguration";
    public const string EmulatorMetadataUrl = "http://127.0.0.1:9/common/v2.0/.well-known/openid-configuration";
    private const string ChannelKeysUrl = "http://127.0.0.1:9/v1/.well-known/keys";
    private const string AadKeysUrl = "http://127.0.0.1:9/common/discovery/v2.0/keys";

    private static readonly string[] _allChannels = ["msteams", "webchat", "directline", "emulator", "slack", "telegram", "facebook", "skype"];

    private readonly List<TestKey> _channel = [];
    private readonly List<TestKey> _aad = [];
    private readonly ConcurrentDictionary<string, int> _fetches = new();
    private int _rotation;

    public TestIdentityProvider()
    {
        _channel.Add(TestKey.Rsa("bf-key-1", _allChannels));
        _channel.Add(TestKey.Rsa("bf-key-2", _allChannels));
        _channel.Add(TestKey.Rsa("bf-key-skype", ["skype"]));
        _channel.Add(TestKey.Rsa("bf-key-noend", null));
        _channel.Add(TestKey.Ec("bf-key-ec", _allChannels));
        _channel.Add(TestKey.Rsa("bf-key-old", _allChannels));
        _aad.Add(TestKey.Rsa("aad-key-1", null));
        _aad.Add(TestKey.Rsa("aad-key-2", null));
        Rogue = TestKey.Rsa("rogue-key", null);
        Pending = TestKey.Rsa("bf-key-rot-1", _allChannels);
    }

    public TestKey Rogue { get; }

    /// <summary>The key the next <see cref="Rotate"/> publishes.</summary>
    public TestKey Pending { get; private set; }

    public TestKey Channel(string kid) => _channel.Single(k => k.Kid == kid);

    public TestKey Aad(string kid) => _aad.Single(k => k.Kid == kid);

    public int Fetches(string what) => _fetches.GetValueOrDefault(what);

    /// <summary>Publishes <see cref="Pending"/> and retires <paramref name="retire"/>, as idp.js's POST /_admin/rotate.</summary>
    public void Rotate(string retire)
    {
        lock (_channel)
        {
            _channel.RemoveAll(k => k.Kid == retire);
            _channel.Add(Pending);
            _rotation++;
            Pending = TestKey.Rsa($"bf-key-rot-{_rotation + 1}", _allChannels);
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        string? body = url switch
        {
            ChannelMetadataUrl => Metadata("https://api.botframework.com", ChannelKeysUrl),
            EmulatorMetadataUrl => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", AadKeysUrl),
            ChannelKeysUrl => KeySet(_channel),
            AadKeysUrl => KeySet(_aad),
            _ => null,
        };
        _fetches.AddOrUpdate(url, 1, (_, n) => n + 1);
        var response = body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return Task.FromResult(response);
    }

    private static string Metadata(string issuer, string jwksUri) =>
        new JsonObject { ["issuer"] = issuer, ["jwks_uri"] = jwksUri, ["id_token_signing_alg_values_supported"] = new JsonArray("RS256") }.ToJsonString();

    private string KeySet(List<TestKey> keys)
    {
        lock (_channel)
        {
            return new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.PublicJwk())]) }.ToJsonString();
        }
    }
}

/// <summary>A signing key and what its JWKS entry says about it.</summary>
internal sealed class TestKey
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ec;
    private readonly string[]? _endorsements;

    private TestKey(string kid, RSA? rsa, ECDsa? ec, string[]? endorsements)
    {
        Kid = kid;
        _rsa = rsa;
        _ec = ec;
        _endorsements = endorsements;
    }

    public string Kid { get; }

    public static TestKey Rsa(string kid, string[]? endorsements) => new(kid, RSA.Create(2048), null, endorsements);

    public static TestKey Ec(string kid, string[]? endorsements) => new(kid, null, ECDsa.Create(ECCurve.NamedCurves.nistP256), endorsements);

    public JsonObject PublicJwk()
    {
        var jwk = new JsonObject { ["kid"] = Kid, ["use"] = "sig" };
        if (_rsa is not null)
        {
            var p = _rsa.ExportParameters(false);
            jwk["kty"] = "RSA";
            jwk["n"] = Base64Url(p.Modulus!);
            jwk["e"] = Base64Url(p.Exponent!);
        }
        else
        {
            var p = _ec!.ExportParameters(false);
            jwk["kty"] = "EC";
            jwk["crv"] = "P-256";
            jwk["x"] = Base64Url(p.Q.X!);
            jwk["y"] = Base64Url(p.Q.Y!);
        }

        if (_endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. _endorsements.Select(e => (JsonNode)e)]);
        }

        return jwk;
    }

    /// <summary>A compact JWS over <paramref name="payload"/>; <paramref name="kid"/> null leaves the kid out.</summary>
    public string Sign(JsonObject payload, string alg = "RS256", string? kid = "", bool omitKid = false)
    {
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT" };
        if (!omitKid)
        {
            header["kid"] = kid == string.Empty ? Kid : kid;
        }

        var signingInput = Base64Url(header.ToJsonString()) + "." + Base64Url(payload.ToJsonString());
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = alg switch
        {
            "RS256" => _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" => _rsa!.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "RS512" => _rsa!.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "PS256" => _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            "ES256" => _ec!.SignData(data, HashAlgorithmName.SHA256),
            "HS256" => HMACSHA256.HashData(Encoding.ASCII.GetBytes(_rsa!.ExportRSAPublicKeyPem()), data),
            _ => throw new ArgumentOutOfRangeException(nameof(alg)),
        };
        return signingInput + "." + Base64Url(signature);
    }

    public static string Unsigned(JsonObject payload, string kid) =>
        Base64Url(new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid }.ToJsonString()) + "." + Base64Url(payload.ToJsonString()) + ".";

    /// <summary>The token with its payload replaced and the old signature kept.</summary>
    public static string Tamper(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Convert.FromBase64String(FromBase64Url(parts[1])))!.AsObject();
        change(payload);
        return parts[0] + "." + Base64Url(payload.ToJsonString()) + "." + parts[2];
    }

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }
}
