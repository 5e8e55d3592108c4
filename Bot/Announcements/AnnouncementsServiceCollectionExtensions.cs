using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Events;
using AuthorBot.Dialogs.Privacy;

namespace AuthorBot.Bot.Announcements;

/// <summary>Registers proactive capture, the announcements API's services and the delivery engine.</summary>
internal static class AnnouncementsServiceCollectionExtensions
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProactive(configuration);
        services.AddOptions<AnnouncementOptions>()
            .Bind(configuration.GetSection("Announcements"))
            .Validate(o => o.MaxPerSecond > 0 && o.PerConversationPerSecond > 0, "Announcements:MaxPerSecond and PerConversationPerSecond must be positive.")
            .Validate(o => o.MaxConcurrentSends is > 0 and <= 10_000, "Announcements:MaxConcurrentSends must be between 1 and 10000.")
            .Validate(o => o.MaxAttempts is > 0 and <= 50, "Announcements:MaxAttempts must be between 1 and 50.")
            .ValidateOnStart();
        services.AddSingleton<AnnouncementStore>();
        services.AddSingleton<AnnouncementEngagementStore>();
        services.AddSingleton<RecentDeliveries>();
        services.AddSingleton<ReaderProfileReader>();
        services.AddSingleton<AnnouncementPlanner>();
        services.AddSingleton<DeliverySender>();
        services.AddSingleton<DeliveryEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryEngine>());
        services.AddSingleton<IReaderActivityListener, AnnouncementReplyListener>();
        services.AddSingleton<IRsvpListener, AnnouncementRsvpListener>();
        services.AddSingleton<IReaderDataStore, AnnouncementDataStore>();
        return services;
    }
}
