using Microsoft.Extensions.Options;
using MimeKit;

namespace AuthorBot.Bot.Newsletter;

/// <summary>Says which <c>Email</c> setting is wrong and how to fix it, so a bad deployment fails at start-up.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _))
        {
            errors.Add("Email:From must be the sender's address, like 'Jo Author <news@example.org>'.");
        }

        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            errors.Add("Email:Smtp:Host must name the SMTP server (confirmation emails are on because Email:From is set).");
        }

        if (options.Smtp.EffectivePort is < 1 or > 65535)
        {
            errors.Add("Email:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(options.Smtp.Security))
        {
            errors.Add("Email:Smtp:Security must be None, StartTls or SslOnConnect.");
        }

        if (string.IsNullOrWhiteSpace(options.Smtp.User) != string.IsNullOrWhiteSpace(options.Smtp.Password))
        {
            errors.Add("Email:Smtp:User and Email:Smtp:Password go together: set both, or neither for a server without login.");
        }

        if (options.Smtp.Timeout <= TimeSpan.Zero)
        {
            errors.Add("Email:Smtp:Timeout must be positive.");
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add("Email:PublicBaseUrl must be an absolute http(s) address, like https://bot.example.org.");
        }

        if (options.ConfirmationLifetime <= TimeSpan.Zero)
        {
            errors.Add("Email:ConfirmationLifetime must be positive, like 2.00:00:00.");
        }

        if (options.MaxConfirmationsPerDay is < 1 or > 100)
        {
            errors.Add("Email:MaxConfirmationsPerDay must be between 1 and 100.");
        }

        if (options.MaxPerMinute is < 1 or > 100_000)
        {
            errors.Add("Email:MaxPerMinute must be between 1 and 100000.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add("Email:RetryBaseDelay must be positive and Email:RetryMaxDelay at least as long.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            errors.Add("Email:MaxAttempts must be between 1 and 100.");
        }

        if (options.Webhook.Url is { } hook)
        {
            if (!hook.IsAbsoluteUri || (hook.Scheme != Uri.UriSchemeHttps && !(hook.Scheme == Uri.UriSchemeHttp && hook.IsLoopback)))
            {
                errors.Add("Email:Webhook:Url must be an https address (http only on loopback).");
            }

            if (string.IsNullOrWhiteSpace(options.Webhook.Secret) || options.Webhook.Secret.Length < 16)
            {
                errors.Add("Email:Webhook:Secret must be set (16+ characters) when Email:Webhook:Url is: the receiver checks the signature with it.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
