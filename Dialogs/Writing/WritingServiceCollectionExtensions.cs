using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Routing;
using AuthorBot.Understanding.Sentiment;
using AuthorBot.Understanding.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuthorBot.Dialogs.Writing;

/// <summary>Registers writing feedback: who the author is, the analyzer, the drafts' figures, the background reader and the flow.</summary>
public static class WritingServiceCollectionExtensions
{
    /// <summary>Adds writing feedback. Options bind from <c>Authors</c> and <c>Writing</c> when the host configures them.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddWritingFeedback(this IServiceCollection services)
    {
        services.AddOptions<AuthorAccessOptions>();
        services.AddOptions<WritingOptions>();
        services.TryAddSingleton<AuthorDirectory>();
        services.TryAddSingleton(_ => VaderSentiment.LoadShipped());
        services.TryAddSingleton(sp => new WritingAnalyzer(sp.GetRequiredService<VaderSentiment>()));
        services.TryAddSingleton(sp => new WritingDraftStore(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<IReaderDataStore>(sp => sp.GetRequiredService<WritingDraftStore>());
        services.TryAddSingleton(sp => new WritingJobs(
            sp.GetRequiredService<WritingAnalyzer>(),
            sp.GetRequiredService<WritingDraftStore>(),
            sp.GetRequiredService<TimeProvider>(),
            // Hosts log; bare service collections (dialog tests, benchmarks) need not.
            sp.GetService<ILogger<WritingJobs>>() ?? NullLogger<WritingJobs>.Instance));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<WritingJobs>());
        services.TryAddSingleton(sp => new WritingFeedbackDialog(
            sp.GetRequiredService<AuthorDirectory>(),
            sp.GetRequiredService<WritingAnalyzer>(),
            sp.GetRequiredService<WritingDraftStore>(),
            sp.GetRequiredService<WritingJobs>(),
            sp.GetServices<IAttachmentSource>(),
            sp.GetRequiredService<IOptionsMonitor<WritingOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddReaderFlow<WritingFeedbackFlow>();
        return services;
    }
}
