// Parameters of main.bicep. Deploy with
//   az deployment group create --resource-group RG --parameters deploymentTemplates/main.bicepparam
// The Azure CLI compiles this file on your machine, so readEnvironmentVariable() reads your shell's environment:
// secrets stay out of the file. Every parameter of main.bicep is listed here; a commented-out line keeps the
// template's default, which depends on where you deploy.
using './main.bicep'

// Prefix of every resource name. The web app answers at BASENAME.azurewebsites.net and the Azure Bot handle is
// BASENAME, both unique across Azure. Default: 'authorbot-' plus a hash of the resource group's id.
// param baseName = 'authorbot-contoso'

// Region of the web app, its plan, the managed identity, Log Analytics and Application Insights.
// Default: the resource group's region.
// param location = 'westeurope'

// MicrosoftAppType: how the bot proves who it is to Azure Bot Service, and how the bot checks that requests come
// from Azure Bot Service.
//   UserAssignedMSI (default): the template creates a user-assigned managed identity and gives it to the web app;
//     there is no secret to store or rotate. Emulator cannot connect to such a bot (no password): test it with
//     "Test in Web Chat" in the Azure portal.
//   SingleTenant: an app registration of your tenant (Microsoft Entra ID > App registrations), with a client secret.
//   MultiTenant: an app registration that accepts any tenant; Azure no longer lets you create new multi-tenant bots,
//     so use it only for an existing one.
param appType = readEnvironmentVariable('MICROSOFT_APP_TYPE', 'UserAssignedMSI')

// MicrosoftAppId of a SingleTenant or MultiTenant bot: the app registration's Application (client) ID. Leave empty
// for UserAssignedMSI: the id is then the managed identity's client id (deployment output microsoftAppId).
param appId = readEnvironmentVariable('MICROSOFT_APP_ID', '')

// MicrosoftAppPassword: a client secret of that app registration (Certificates & secrets > New client secret).
// Ignored for UserAssignedMSI. Stored as an app setting of the web app.
param appPassword = readEnvironmentVariable('MICROSOFT_APP_PASSWORD', '')

// MicrosoftAppTenantId: the tenant of a SingleTenant app registration (ignored for MultiTenant; for UserAssignedMSI
// the identity's own tenant is used). Default: the tenant you deploy to.
// param tenantId = '00000000-0000-0000-0000-000000000000'

// App Service plan size. B1 (1 core, 1.75 GB) carries a single author's readership; Free and Shared plans lack
// Always On, without which the scheduler stops sending announcements and reminders when the site idles.
param appServiceSku = 'B1'

// The bot's name in Teams and Web Chat (the Teams app package has its own, in teams/manifest.json).
param botDisplayName = 'AuthorBot'

// Where Azure Bot Service keeps the bot's data: 'global', 'westeurope' (EU data boundary) or 'centralindia'.
param botLocation = 'global'

// Azure Bot pricing tier: F0 is free, and Teams, Direct Line and Web Chat are standard channels, unlimited on it.
param botSku = 'F0'

// Days Log Analytics keeps the web app's logs and Application Insights telemetry (30 to 730; 30 costs nothing extra).
param logRetentionInDays = 30

// Announcements:ApiKey, the bearer key of the marketers' announcements API; the same variable the `announce` command
// reads. Empty: the API stays off (503).
param announcementsApiKey = readEnvironmentVariable('AUTHORBOT_API_KEY', '')

// Newsletter double opt-in (see the README's "Newsletter emails"): the sender, e.g. 'Jo Author <news@example.org>'.
// Empty: no confirmation emails, a yes in the chat subscribes at once.
param emailFrom = readEnvironmentVariable('AUTHORBOT_EMAIL_FROM', '')

// The SMTP server and how to reach it (587 with StartTls, or 465 with SslOnConnect).
param smtpHost = readEnvironmentVariable('AUTHORBOT_SMTP_HOST', '')
// param smtpPort = 587
// param smtpSecurity = 'StartTls'
param smtpUser = readEnvironmentVariable('AUTHORBOT_SMTP_USER', '')

// The SMTP password lives in Key Vault: give its secret URI (https://VAULT.vault.azure.net/secrets/NAME) and grant
// the web app's identity (the managed identity, or the site's system identity otherwise) the Key Vault Secrets User
// role on the vault. Empty: no password.
param smtpPasswordSecretUri = readEnvironmentVariable('AUTHORBOT_SMTP_PASSWORD_SECRET_URI', '')

// Storage (see the README's "Several instances on PostgreSQL"). 'Sqlite' (default): files on the web app's /home
// storage, one instance. 'Postgres': the template also creates an Azure Database for PostgreSQL Flexible Server and its
// database 'authorbot', and sets Storage__Provider=Postgres and ConnectionStrings__Postgres on the web app.
param storageProvider = readEnvironmentVariable('AUTHORBOT_STORAGE_PROVIDER', 'Sqlite')

// Web app instances; more than 1 only with 'Postgres' (B1 allows up to 3, S1 up to 10).
// param instanceCount = 1

// The server's administrator, which the bot connects as. The password is required for 'Postgres'; it is read from your
// shell so it never sits in this file.
// param postgresAdministratorLogin = 'authorbot'
param postgresAdministratorPassword = readEnvironmentVariable('AUTHORBOT_POSTGRES_PASSWORD', '')

// Optional: a Key Vault secret (https://VAULT.vault.azure.net/secrets/NAME) holding the whole connection string, e.g.
// 'Host=BASENAME-pg.postgres.database.azure.com;Port=5432;Database=authorbot;Username=authorbot;Password=...;Ssl Mode=Require;Maximum Pool Size=10'.
// The web app then reads it as a Key Vault reference (grant its identity Key Vault Secrets User on the vault) and the
// password stays out of the app settings. Empty: the app setting holds the connection string.
param postgresConnectionStringSecretUri = readEnvironmentVariable('AUTHORBOT_POSTGRES_CONNECTION_STRING_SECRET_URI', '')

// Server size and version: Burstable B1ms is the smallest (about 50 connections); GeneralPurpose for a busy bot.
// param postgresSkuName = 'Standard_B1ms'
// param postgresSkuTier = 'Burstable'
// param postgresVersion = '16'
// param postgresStorageSizeGB = 32

// Connections per instance (Npgsql Maximum Pool Size): instanceCount times this stays below the server's limit.
// param postgresMaxPoolSize = 10

// Tags put on every resource, e.g. { owner: 'marketing', costCenter: '1234' }.
param tags = {}
