using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>
/// What the dialog runtime tells the turn span about the turn: the flow it ran in (the most deeply nested component
/// dialog whose waterfall ran a step), that waterfall and step, and the prompt that asked the reader something. Kept in
/// TurnState only while <see cref="TurnTelemetryMiddleware"/> records the turn, so without it the runtime pays one
/// dictionary lookup per step.
/// </summary>
internal sealed class TurnTelemetry
{
    private const string TurnStateKey = "AuthorBot.TurnTelemetry";

    private int _depth = -1;

    public string? Dialog { get; private set; }

    public string? Waterfall { get; private set; }

    public int Step { get; private set; }

    public string? Prompt { get; private set; }

    public static TurnTelemetry? Of(ITurnContext turnContext) => turnContext.TurnState.Get<TurnTelemetry>(TurnStateKey);

    public static TurnTelemetry AttachTo(ITurnContext turnContext)
    {
        var telemetry = new TurnTelemetry();
        turnContext.TurnState.Set(TurnStateKey, telemetry);
        return telemetry;
    }

    /// <summary>A waterfall ran step <paramref name="index"/> in the context <paramref name="dc"/>.</summary>
    public void StepRan(DialogContext dc, string waterfallId, int index)
    {
        // The deepest flow wins, and within it the last step: a signup's last answer ends the signup and then resumes
        // the root menu, and the turn still belongs to the signup.
        if (Reached(dc, waterfallId))
        {
            Waterfall = waterfallId;
            Step = index;
        }
    }

    /// <summary>A prompt asked (or asked again) in the context <paramref name="dc"/>: a retry runs no step, but it is still in its flow.</summary>
    public void Prompted(DialogContext dc, string promptId)
    {
        Prompt = promptId;
        Reached(dc, promptId);
    }

    private bool Reached(DialogContext dc, string dialogId)
    {
        var depth = 0;
        for (var parent = dc.Parent; parent is not null; parent = parent.Parent)
        {
            depth++;
        }

        if (depth < _depth)
        {
            return false;
        }

        var flow = dc.Parent?.ActiveDialog?.Id ?? dialogId;
        if (depth > _depth || !string.Equals(flow, Dialog, StringComparison.Ordinal))
        {
            Waterfall = null;
        }

        _depth = depth;
        Dialog = flow;
        return true;
    }
}
