using AuthorBot.BotFramework.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.Connector;

/// <summary>The production registrations (AddBotFramework) with short retry delays.</summary>
internal static class ConnectorTestServices
{
    public static ServiceProvider Build(int maxRetries = 3, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BotFramework:Connector:BaseDelay"] = "00:00:00.010",
            ["BotFramework:Connector:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings["BotFramework:Connector:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotFramework(configuration);
        return services.BuildServiceProvider();
    }
}
