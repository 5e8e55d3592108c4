namespace AuthorBot.Bot.Teams;

/// <summary>Registers what the host adds for Teams: the tenant allow-list.</summary>
internal static class TeamsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="TeamsOptions"/> from <c>Teams</c> and adds <see cref="AllowedTenantsMiddleware"/>.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Configure(options =>
        {
            var section = configuration.GetSection(TeamsOptions.SectionName).GetSection(nameof(TeamsOptions.AllowedTenants));
            IEnumerable<string?> values = section.Value is { } single ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries) : section.GetChildren().Select(c => c.Value);
            foreach (var tenant in values.Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                options.AllowedTenants.Add(tenant!.Trim());
            }
        });
        services.AddSingleton<AllowedTenantsMiddleware>();
        return services;
    }
}
