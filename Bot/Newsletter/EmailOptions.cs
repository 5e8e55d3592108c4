namespace AuthorBot.Bot.Newsletter;

/// <summary>
/// Newsletter email (<c>Email</c>): double opt-in is on when <see cref="From"/> or an SMTP host is set, and then both
/// must be valid (see <see cref="EmailOptionsValidator"/>).
/// </summary>
internal sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. <c>Jo Author &lt;news@example.org&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>The SMTP server.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The public address readers' links point at; the host's own address when empty (fine only locally).</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a confirmation link works.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Most confirmation emails one address gets in 24 hours: signups and "resend" beyond it are recorded but send
    /// nothing, since anyone can type anyone's address into the chat.
    /// </summary>
    public int MaxConfirmationsPerDay { get; set; } = 3;

    /// <summary>Most emails sent in any minute (SMTP providers throttle and flag bursts).</summary>
    public int MaxPerMinute { get; set; } = 60;

    /// <summary>Wait before the first retry of a failed send; doubles with each attempt up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between retries.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before an email or webhook call is given up.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The optional webhook.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>True when the settings ask for confirmation emails.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var delay = TimeSpan.FromMilliseconds(RetryBaseDelay.TotalMilliseconds * factor);
        return delay > RetryMaxDelay ? RetryMaxDelay : delay;
    }
}
