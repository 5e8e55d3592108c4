using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Identity.Client;
using Polly.Timeout;

namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Why a token could not be had, in the operator's terms: the Azure AD error code (AADSTS…) when there is one, what
/// the service said, and which setting to check.
/// </summary>
/// <param name="Code">AADSTS code (e.g. <c>AADSTS7000215</c>), else MSAL's error code or the kind of failure.</param>
/// <param name="Detail">What the identity service or the network said, without trace ids.</param>
/// <param name="Advice">What to check.</param>
/// <param name="IsTransient">True for 5xx, 429, timeouts and network errors, which are worth retrying.</param>
internal sealed partial record TokenFailure(string Code, string Detail, string Advice, bool IsTransient)
{
    private const string GenericAdvice =
        "Check MicrosoftAppId, MicrosoftAppPassword (or MicrosoftAppCertificatePath), MicrosoftAppType and MicrosoftAppTenantId against the bot's app registration.";

    public override string ToString() => $"{Code}: {Detail} {Advice}";

    /// <summary>Describes <paramref name="exception"/> from MSAL, Polly or the network.</summary>
    public static TokenFailure From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            MsalServiceException service => FromService(service),
            MsalClientException client when client.ErrorCode == MsalError.RequestTimeout =>
                new("timeout", client.Message, "The identity service did not answer in time; the bot retries on the next send.", true),
            MsalException msal => new(msal.ErrorCode, FirstLine(msal.Message), GenericAdvice, false),
            TimeoutRejectedException => new("timeout", "The token request timed out.", "The identity service did not answer in time; the bot retries on the next send.", true),
            HttpRequestException http => new("network", http.Message, "The identity service could not be reached: check outbound network access to the login URL.", true),
            _ => new(exception.GetType().Name, exception.Message, GenericAdvice, false),
        };
    }

    /// <summary>Which setting an Azure AD error code points at.</summary>
    public static string AdviceFor(int aadstsCode) => aadstsCode switch
    {
        7000215 => "MicrosoftAppPassword is wrong or expired: use the secret's value (not its id) from the app registration's Certificates & secrets.",
        7000222 => "MicrosoftAppPassword has expired: create a new client secret in the app registration.",
        700016 => "MicrosoftAppId not found in the tenant: check MicrosoftAppId, and that MicrosoftAppType/MicrosoftAppTenantId match the app registration (a SingleTenant app needs its own tenant).",
        7000216 => "No client secret or certificate was sent: set MicrosoftAppPassword or MicrosoftAppCertificatePath.",
        700027 => "The certificate was rejected: upload MicrosoftAppCertificatePath's public certificate to the app registration and check that it has not expired.",
        700024 => "The client assertion is outside its valid time range: check the machine's clock.",
        500011 => "The resource was not found in the tenant: check ToChannelFromBotOAuthScope (leave it empty for https://api.botframework.com).",
        1002012 => "The scope must end with /.default: check ToChannelFromBotOAuthScope.",
        50059 => "The authority names no tenant: set MicrosoftAppTenantId (SingleTenant) or ToChannelFromBotLoginUrl to https://login.microsoftonline.com/{tenant}.",
        90002 or 900023 => "The tenant was not found: check MicrosoftAppTenantId and ToChannelFromBotLoginUrl.",
        700025 => "The app registration is a public client: it needs a client secret or certificate (a confidential client).",
        _ => GenericAdvice,
    };

    private static TokenFailure FromService(MsalServiceException exception)
    {
        var transient = exception.StatusCode is 408 or 429 or >= 500
            || exception.ErrorCode is MsalError.RequestTimeout
            || exception.InnerException is HttpRequestException or TimeoutException;
        var aadsts = AadstsCode(exception);
        var detail = ServiceDescription(exception.ResponseBody) ?? FirstLine(exception.Message);
        var status = exception.StatusCode > 0 ? string.Create(CultureInfo.InvariantCulture, $" (HTTP {exception.StatusCode})") : string.Empty;
        if (aadsts is { } code)
        {
            return new("AADSTS" + code.ToString(CultureInfo.InvariantCulture), $"{exception.ErrorCode}{status}: {detail}", transient ? "The identity service is busy or unavailable; the bot retries with backoff." : AdviceFor(code), transient);
        }

        return new(exception.ErrorCode, detail + status, transient ? "The identity service is busy or unavailable; the bot retries with backoff." : GenericAdvice, transient);
    }

    private static int? AadstsCode(MsalServiceException exception)
    {
        foreach (var text in (IEnumerable<string?>)[.. exception.ErrorCodesForLogging ?? [], exception.Message, exception.ResponseBody])
        {
            if (text is null)
            {
                continue;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
            {
                return bare;
            }

            if (AadstsPattern().Match(text) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    // MSAL wraps Azure AD's own words in generic advice; the error_description alone says what is wrong.
    private static string? ServiceDescription(string? responseBody)
    {
        if (string.IsNullOrWhiteSpace(responseBody))
        {
            return null;
        }

        try
        {
            using var body = JsonDocument.Parse(responseBody);
            if (body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("error_description", out var description)
                && description.ValueKind == JsonValueKind.String
                && description.GetString() is { Length: > 0 } text)
            {
                var withoutCode = AadstsPrefix().Replace(text, string.Empty, 1);
                return FirstLine(withoutCode);
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, say): MSAL's message is used instead.
        }

        return null;
    }

    // Azure AD appends trace and correlation ids and a timestamp that only its support can use.
    private static string FirstLine(string message)
    {
        var text = message.ReplaceLineEndings(" ");
        var trace = text.IndexOf(" Trace ID:", StringComparison.Ordinal);
        return (trace > 0 ? text[..trace] : text).Trim();
    }

    [GeneratedRegex(@"AADSTS(\d{1,9})", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsPattern();

    [GeneratedRegex(@"^\s*AADSTS\d{1,9}:\s*", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsPrefix();
}
