using AuthorBot.Dialogs.Writing;

namespace AuthorBot.Bot.Writing;

/// <summary>Binds writing feedback's configuration: who the author is (<c>Authors:Ids</c>) and its limits (<c>Writing</c>).</summary>
internal static class WritingServiceCollectionExtensions
{
    public static IServiceCollection AddWritingConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthorAccessOptions>().Bind(configuration.GetSection(AuthorAccessOptions.Section));
        services.AddOptions<WritingOptions>()
            .Bind(configuration.GetSection(WritingOptions.Section))
            .Validate(o => o.BackgroundWords > 0 && o.MaxWords >= o.BackgroundWords, "Writing:BackgroundWords must be positive and at most Writing:MaxWords.")
            .ValidateOnStart();
        return services;
    }
}
