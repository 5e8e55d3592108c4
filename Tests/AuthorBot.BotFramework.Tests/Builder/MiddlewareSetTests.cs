using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;

namespace AuthorBot.BotFramework.Tests.Builder;

public class MiddlewareSetTests
{
    private sealed class Recording(string name, List<string> log, bool callNext = true) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            log.Add(name + ":before");
            if (callNext)
            {
                await next(cancellationToken);
            }

            log.Add(name + ":after");
        }
    }

    [Fact]
    public async Task Middleware_runs_in_order_around_the_bot()
    {
        var log = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new Recording("a", log)).Use(new Recording("b", log));

        await adapter.SendTextToBotAsync("hi", (ctx, ct) =>
        {
            log.Add("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["a:before", "b:before", "bot", "b:after", "a:after"], log);
    }

    [Fact]
    public async Task Middleware_that_skips_next_short_circuits_the_bot()
    {
        var log = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new Recording("gate", log, callNext: false)).Use(new Recording("inner", log));

        await adapter.SendTextToBotAsync("hi", (ctx, ct) =>
        {
            log.Add("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["gate:before", "gate:after"], log);
    }

    [Fact]
    public async Task OnTurnError_receives_exceptions_from_the_bot()
    {
        var adapter = new TestAdapter();
        Exception? seen = null;
        adapter.OnTurnError = async (ctx, ex) =>
        {
            seen = ex;
            await ctx.SendActivityAsync("Sorry, something went wrong.");
        };

        await adapter.SendTextToBotAsync("hi", (ctx, ct) => throw new InvalidOperationException("boom"));

        Assert.IsType<InvalidOperationException>(seen);
        Assert.Equal("Sorry, something went wrong.", adapter.GetNextReply()?.Text);
    }

    [Fact]
    public async Task Without_OnTurnError_exceptions_propagate()
    {
        var adapter = new TestAdapter();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            adapter.SendTextToBotAsync("hi", (ctx, ct) => throw new InvalidOperationException("boom")));
    }
}
