using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;

namespace AuthorBot.BotFramework.Tests.Dialogs;

/// <summary>A root dialog that asks one prompt and then reports what came back, so tests can assert on the result.</summary>
internal static class PromptFlows
{
    public static ComponentDialog Asking(Dialog prompt, PromptOptions options)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(Describe(step.Result), cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        root.AddDialog(prompt);
        return root;
    }

    public static string Describe(object? result) => result switch
    {
        bool yes => yes ? "answer: yes" : "answer: no",
        FoundChoice choice => $"picked {choice.Value} ({choice.Index})",
        NoAnswer none => $"gave up after {none.Attempts}",
        string text => $"text: {text}",
        int number => FormattableString.Invariant($"number: {number}"),
        IList<DateTimeResolution> resolutions => "when: " + string.Join(" / ", resolutions.Select(r => $"{r.Timex}={r.Value ?? $"{r.Start}..{r.End}"}")),
        _ => $"unexpected {result}",
    };
}
