using AuthorBot.BotFramework.Dialogs;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>
/// The dialog runtime's metrics: flows (component dialogs) started, completed and abandoned, prompt retries and
/// prompts that gave up; and the prompt and step a turn reached, for its span. Dialog and prompt ids are the
/// developer's constants, so they are safe as attributes.
/// </summary>
internal static class DialogTelemetry
{
    public static void Started(Dialog dialog)
    {
        if (dialog is ComponentDialog && BotTelemetry.DialogStarts.Enabled)
        {
            BotTelemetry.DialogStarts.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.Dialog, dialog.Id));
        }
    }

    public static void Ended(Dialog dialog, DialogReason reason)
    {
        if (dialog is not ComponentDialog)
        {
            return;
        }

        // Replacing a dialog restarts it (a loop), which is neither the end of the flow nor the reader walking away.
        var counter = reason switch
        {
            DialogReason.EndCalled => BotTelemetry.DialogCompletions,
            DialogReason.CancelCalled => BotTelemetry.DialogAbandonments,
            _ => null,
        };
        if (counter is { Enabled: true })
        {
            counter.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.Dialog, dialog.Id));
        }
    }

    public static void StepRan(DialogContext dc, string waterfallId, int index) =>
        TurnTelemetry.Of(dc.Context)?.StepRan(dc, waterfallId, index);

    public static void Prompted(DialogContext dc, string promptId) =>
        TurnTelemetry.Of(dc.Context)?.Prompted(dc, promptId);

    public static void Retried(string promptId)
    {
        if (BotTelemetry.PromptRetries.Enabled)
        {
            BotTelemetry.PromptRetries.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.Prompt, promptId));
        }
    }

    public static void Exhausted(string promptId)
    {
        if (BotTelemetry.PromptsExhausted.Enabled)
        {
            BotTelemetry.PromptsExhausted.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.Prompt, promptId));
        }
    }
}
