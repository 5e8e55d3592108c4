namespace AuthorBot.Bot.Dashboard;

/// <summary>Registers the author's dashboard's reads.</summary>
internal static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardStatsStore>();
        services.AddSingleton<DashboardOverviewBuilder>();
        return services;
    }
}
