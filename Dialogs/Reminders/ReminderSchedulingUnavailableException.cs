namespace AuthorBot.Dialogs.Reminders;

/// <summary>The host has no durable way to send reminders; flows tell the reader instead of pretending.</summary>
public sealed class ReminderSchedulingUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReminderSchedulingUnavailableException()
        : this("Reminders are not available on this host: no durable reminder scheduler is registered.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ReminderSchedulingUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReminderSchedulingUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
