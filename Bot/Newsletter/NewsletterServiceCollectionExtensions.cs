using AuthorBot.Dialogs.Newsletter;
using AuthorBot.Dialogs.Privacy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Newsletter;

/// <summary>Registers double opt-in by email when <c>Email</c> settings are present; without them the chat's yes subscribes.</summary>
internal static class NewsletterServiceCollectionExtensions
{
    public static IServiceCollection AddNewsletterEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<NewsletterStore>();
        services.AddSingleton<StoredNewsletterConsents>();
        services.AddSingleton<IReaderDataStore, NewsletterEmailDataStore>();

        var configured = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.IsConfigured == true;
        if (!configured)
        {
            return services;
        }

        services.AddHttpClient(NewsletterWebhookSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<NewsletterLinks>();
        services.AddSingleton<ConfirmationEmailComposer>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<NewsletterWebhookSender>();
        services.AddSingleton<NewsletterOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<NewsletterOutbox>());
        services.Replace(ServiceDescriptor.Singleton<INewsletterConfirmations, EmailNewsletterConfirmations>());
        return services;
    }
}
