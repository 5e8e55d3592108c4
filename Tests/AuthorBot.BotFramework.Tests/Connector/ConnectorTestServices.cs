using AuthorBot.BotFramework.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.Connector;

/// <summary>The production registrations (AddBotFramework) with short retry delays.</summary>
internal static class ConnectorTestServices
{
    public static ServiceProvider Build(int maxRetries = 3)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BotFramework:Connector:BaseDelay"] = "00:00:00.010",
                ["BotFramework:Connector:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotFramework(configuration);
        return services.BuildServiceProvider();
    }
}
