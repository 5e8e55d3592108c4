metadata description = 'App Service plan and the Linux web app that runs AuthorBot (.NET 10), with its settings.'

@description('Name of the web app (its host name is NAME.azurewebsites.net or a regional variant); the plan is NAME-plan.')
param baseName string

@description('Azure region of the plan and the web app.')
param location string

@description('Tags put on every resource.')
param tags object

@description('App Service plan SKU; Basic or higher, because Always On and health checks need it.')
param skuName string

@description('How the bot authenticates to Azure Bot Service: MicrosoftAppType.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
  'MultiTenant'
])
param appType string

@description('The bot\'s Microsoft App ID: the managed identity\'s client id or the app registration\'s application id.')
param appId string

@description('Client secret of the app registration; ignored for UserAssignedMSI.')
@secure()
param appPassword string

@description('Tenant of the app registration or the managed identity (MicrosoftAppTenantId); ignored for MultiTenant.')
param tenantId string

@description('Resource id of the user-assigned managed identity to attach; empty for secret-based app types.')
param identityResourceId string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Resource id of the Log Analytics workspace that receives the web app\'s console and HTTP logs.')
param workspaceId string

@description('Bearer key of the announcements API (Announcements:ApiKey); empty leaves the API switched off.')
@secure()
param announcementsApiKey string

@description('Sender of newsletter confirmation emails; empty leaves them off.')
param emailFrom string

@description('SMTP server host.')
param smtpHost string

@description('SMTP port.')
param smtpPort int

@description('SMTP security: StartTls, SslOnConnect or None.')
param smtpSecurity string

@description('SMTP login; empty for none.')
param smtpUser string

@description('Key Vault secret URI of the SMTP password; empty for none.')
param smtpPasswordSecretUri string

@description('Instances of the plan; more than 1 only with storageProvider Postgres.')
param instanceCount int

@description('Storage:Provider of the bot: Sqlite or Postgres.')
param storageProvider string

@description('Npgsql connection string of the shared database (storageProvider Postgres without a Key Vault secret); empty otherwise.')
@secure()
param postgresConnectionString string

@description('Key Vault secret URI of the connection string; empty for none.')
param postgresConnectionStringSecretUri string

var isManagedIdentity = appType == 'UserAssignedMSI'
var usesKeyVault = !empty(smtpPasswordSecretUri) || !empty(postgresConnectionStringSecretUri)

// App Service for Linux forwards HTTPS traffic to the container on WEBSITES_PORT. The host honours ASPNETCORE_URLS before
// PORT, and must bind every interface ('+'): its default, localhost, is unreachable from App Service's front ends.
var hostSettings = {
  ASPNETCORE_URLS: 'http://+:8080'
  WEBSITES_PORT: '8080'
  // TLS ends at App Service's front ends; X-Forwarded-Proto tells the host the request came over https, so the links
  // and Direct Line stream URLs (wss://) it builds from the request match what the reader's browser used.
  ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
  // The host honours forwarded headers only from the proxies named here (Bot/Hosting/TrustedForwardedHeaders.cs). App
  // Service's front ends have no fixed address, and the container is reachable only through them, so any peer is one;
  // only the last hop counts (the address the front end saw), so a caller's own X-Forwarded-For changes nothing.
  ForwardedHeaders__KnownNetworks__0: '0.0.0.0/0'
  ForwardedHeaders__KnownNetworks__1: '::/0'
  // Basic plans have one core, where the host re-executes itself to set this runtime knob (Bot/Hosting/
  // SingleCpuTiering.cs); as an app setting it is in the environment from the start.
  DOTNET_TC_CallCountingDelayMs: '0'
  // `az webapp deploy --type zip` uploads `dotnet publish` output: already built, mounted as is.
  WEBSITE_RUN_FROM_PACKAGE: '1'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

// The bot keeps its SQLite databases, the generated Direct Line secret and the recommender's feedback log and model in
// App_Data under its content root by default. Here the content root is wwwroot, which is read-only when the app runs
// from the deployed package (WEBSITE_RUN_FROM_PACKAGE=1) and replaced by every deployment anyway. /home is App Service's
// persistent storage, kept across restarts and deployments. SQLite files there must have exactly one writer, so the
// plan runs a single instance (see `capacity` below); scaling out needs the shared PostgreSQL store (storageSettings).
// /home/data/SitePackages belongs to run-from-package, hence a folder of the bot's own. Literal paths, so the tests
// can start the host with exactly these settings.
var dataSettings = {
  Storage__Sqlite__Path: '/home/data/authorbot/authorbot.db'
  Proactive__DatabasePath: '/home/data/authorbot/proactive.db'
  DirectLine__DataDirectory: '/home/data/authorbot'
  Recommendations__DataDirectory: '/home/data/authorbot'
  Understanding__ModelDirectory: '/home/data/authorbot/intent-models'
}

var botSettings = {
  MicrosoftAppType: appType
  MicrosoftAppId: appId
  // Bot Builder reads the tenant for SingleTenant and UserAssignedMSI only; a multi-tenant bot has none.
  MicrosoftAppTenantId: appType == 'MultiTenant' ? '' : tenantId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  // The bot carries no Application Insights SDK: App Service's agent instruments the process (requests, dependencies).
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  Announcements__PublicBaseUrl: 'https://${site.properties.defaultHostName}'
}

// Storage:Provider=Postgres puts bot state and the proactive tables in the shared server, so every instance sees the
// same readers and queues; what is still in files (dataSettings) stays on /home, which App Service shares between a
// site's instances. Nothing is added for SQLite: the host's default, as before this option existed.
var storageSettings = storageProvider == 'Postgres'
  ? {
      Storage__Provider: 'Postgres'
      ConnectionStrings__Postgres: empty(postgresConnectionStringSecretUri)
        ? postgresConnectionString
        : '@Microsoft.KeyVault(SecretUri=${postgresConnectionStringSecretUri})'
    }
  : {}

// App settings are readable by anyone with contributor rights on the web app; a Key Vault reference would keep the
// secret out of them, at the price of a vault per bot.
var secretSettings = union(
  isManagedIdentity ? {} : { MicrosoftAppPassword: appPassword },
  empty(announcementsApiKey) ? {} : { Announcements__ApiKey: announcementsApiKey }
)

// Newsletter double opt-in; the SMTP password never enters the app settings, only a Key Vault reference App Service
// resolves with the site's identity.
var emailSettings = empty(emailFrom)
  ? {}
  : union(
      {
        Email__From: emailFrom
        Email__Smtp__Host: smtpHost
        Email__Smtp__Port: string(smtpPort)
        Email__Smtp__Security: smtpSecurity
        Email__PublicBaseUrl: 'https://${site.properties.defaultHostName}'
      },
      empty(smtpUser) ? {} : { Email__Smtp__User: smtpUser },
      usesKeyVault ? { Email__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecretUri})' } : {}
    )

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${baseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    // One instance with SQLite files on /home, which allow one writer (see dataSettings); more only on PostgreSQL.
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: baseName
  location: location
  tags: tags
  kind: 'app,linux'
  // MSAL's managed identity credential asks App Service's identity endpoint for a token of this identity.
  identity: isManagedIdentity
    ? {
        type: 'UserAssigned'
        userAssignedIdentities: {
          '${identityResourceId}': {}
        }
      }
    : {
        // A Key Vault reference needs an identity to read the vault with.
        type: usesKeyVault ? 'SystemAssigned' : 'None'
      }
  properties: {
    serverFarmId: plan.id
    keyVaultReferenceIdentity: isManagedIdentity ? identityResourceId : 'SystemAssigned'
    httpsOnly: true
    // Every request may land anywhere: the bot keeps no per-instance session state.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet AuthorBot.Bot.dll'
      // Without Always On the site is unloaded when idle, and the scheduler misses announcements and reminders.
      alwaysOn: true
      // Ready, not live: App Service stops routing to an instance whose storage, recommender model or author content is
      // not usable (503), and replaces it if that lasts; /healthz/live only says the process answers.
      healthCheckPath: '/healthz/ready'
      // The bot's own Direct Line endpoint streams over WebSocket.
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// A child resource rather than siteConfig.appSettings: the public base URL needs the site's host name, which a
// site cannot reference in its own definition.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(hostSettings, dataSettings, storageSettings, botSettings, secretSettings, emailSettings)
}

// The host logs to the console; these land in the workspace next to Application Insights.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

@description('Default host name of the web app.')
output defaultHostName string = site.properties.defaultHostName

@description('Name of the web app (for az webapp deploy).')
output name string = site.name
