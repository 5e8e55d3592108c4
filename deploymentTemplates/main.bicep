metadata description = 'AuthorBot on Azure: a Linux web app (.NET 10), its identity, the Azure Bot resource with the Teams, Direct Line and Web Chat channels, Log Analytics and Application Insights; optionally an Azure Database for PostgreSQL Flexible Server shared by several instances.'

@description('Prefix of every resource name, and the name of the web app (NAME.azurewebsites.net) and of the bot (unique across Azure). 2-40 letters, digits or hyphens.')
@minLength(2)
@maxLength(40)
param baseName string = 'authorbot-${uniqueString(resourceGroup().id)}'

@description('Azure region of the web app, its plan, the identity and the monitoring resources.')
param location string = resourceGroup().location

@description('How the bot proves who it is to Azure Bot Service (MicrosoftAppType). UserAssignedMSI: a managed identity this template creates, no secret to keep. SingleTenant or MultiTenant: an existing Microsoft Entra app registration, given by appId and appPassword (Azure has not created new multi-tenant bots since 31 July 2025).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
  'MultiTenant'
])
param appType string = 'UserAssignedMSI'

@description('Application (client) id of the app registration; required for SingleTenant and MultiTenant, ignored for UserAssignedMSI.')
param appId string = ''

@description('Client secret of the app registration; required for SingleTenant and MultiTenant, ignored for UserAssignedMSI.')
@secure()
param appPassword string = ''

@description('Tenant of the app registration (SingleTenant) or of the managed identity (UserAssignedMSI); defaults to the deployment\'s tenant.')
param tenantId string = tenant().tenantId

@description('App Service plan SKU. Basic (B1) or higher: Always On and health checks are not available on Free or Shared.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSku string = 'B1'

@description('Display name of the bot in Teams and Web Chat.')
@minLength(1)
@maxLength(42)
param botDisplayName string = 'AuthorBot'

@description('Where the Azure Bot resource keeps its data: global, or the EU or India data boundary.')
@allowed([
  'global'
  'westeurope'
  'centralindia'
])
param botLocation string = 'global'

@description('Azure Bot pricing tier. F0 is free, and Teams, Direct Line and Web Chat are standard channels with unlimited messages on it; S1 adds premium channels.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Days Log Analytics keeps logs and telemetry (30 is included in the ingestion price).')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Bearer key of the bot\'s announcements API (Announcements:ApiKey); empty leaves the API switched off (it answers 503).')
@secure()
param announcementsApiKey string = ''

@description('Sender of newsletter confirmation emails (Email:From), e.g. \'Jo Author <news@example.org>\'; empty leaves double opt-in off (a yes in the chat subscribes at once).')
param emailFrom string = ''

@description('SMTP server of the confirmation emails (Email:Smtp:Host); needed when emailFrom is set.')
param smtpHost string = ''

@description('SMTP port (Email:Smtp:Port): 587 for StartTls, 465 for SslOnConnect.')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('How the SMTP connection is secured (Email:Smtp:Security).')
@allowed([
  'StartTls'
  'SslOnConnect'
  'None'
])
param smtpSecurity string = 'StartTls'

@description('SMTP login (Email:Smtp:User); empty for a server without login.')
param smtpUser string = ''

@description('Key Vault secret URI of the SMTP password (https://VAULT.vault.azure.net/secrets/NAME); the app setting becomes a Key Vault reference resolved with the web app\'s identity, which needs the Key Vault Secrets User role on the vault.')
param smtpPasswordSecretUri string = ''

@description('Where the bot keeps its state and proactive queues (Storage:Provider). Sqlite: files on the web app\'s /home storage, which allow one instance. Postgres: an Azure Database for PostgreSQL Flexible Server this template creates, shared by every instance.')
@allowed([
  'Sqlite'
  'Postgres'
])
param storageProvider string = 'Sqlite'

@description('Web app instances behind App Service\'s load balancer (no sticky sessions). More than 1 needs storageProvider Postgres.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Administrator login of the PostgreSQL server, which the bot connects with (storageProvider Postgres).')
param postgresAdministratorLogin string = 'authorbot'

@description('Administrator password of the PostgreSQL server; required for storageProvider Postgres. The connection string built from it becomes the web app\'s ConnectionStrings__Postgres setting unless postgresConnectionStringSecretUri is given.')
@secure()
param postgresAdministratorPassword string = ''

@description('Key Vault secret URI (https://VAULT.vault.azure.net/secrets/NAME) holding the whole Npgsql connection string; the setting then becomes a Key Vault reference resolved with the web app\'s identity, which needs the Key Vault Secrets User role on the vault. Empty: the setting holds the connection string itself.')
param postgresConnectionStringSecretUri string = ''

@description('Compute size of the PostgreSQL server, e.g. Standard_B1ms (Burstable, about 50 connections) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B1ms'

@description('Compute tier of postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL major version.')
param postgresVersion string = '16'

@description('PostgreSQL storage in GiB (grows by itself when nearly full).')
@minValue(32)
param postgresStorageSizeGB int = 32

@description('Connections each instance may open (Npgsql Maximum Pool Size); instanceCount times this must stay below the server\'s max_connections.')
@minValue(2)
@maxValue(100)
param postgresMaxPoolSize int = 10

@description('Tags put on every resource.')
param tags object = {}

var isManagedIdentity = appType == 'UserAssignedMSI'

// A missing app id or secret stops the deployment with this message before anything is made (ARM evaluates variables up front
// and only the branch of if() that is taken).
var registrationAppId = isManagedIdentity || (!empty(appId) && !empty(appPassword))
  ? appId
  : fail('appType ${appType} needs appId and appPassword: the application (client) id of an existing app registration and one of its client secrets.')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = if (isManagedIdentity) {
  name: '${baseName}-identity'
  location: location
  tags: tags
}

var usesPostgres = storageProvider == 'Postgres'

// SQLite files on /home take one writer: a second instance would corrupt nothing only by luck.
var planCapacity = instanceCount == 1 || usesPostgres
  ? instanceCount
  : fail('instanceCount ${instanceCount} needs storageProvider Postgres: the SQLite files on /home allow one instance.')

module postgres 'modules/postgres.bicep' = if (usesPostgres) {
  name: 'postgres'
  params: {
    baseName: baseName
    location: location
    tags: tags
    administratorLogin: postgresAdministratorLogin
    administratorPassword: empty(postgresAdministratorPassword)
      ? fail('storageProvider Postgres needs postgresAdministratorPassword.')
      : postgresAdministratorPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    version: postgresVersion
    storageSizeGB: postgresStorageSizeGB
    databaseName: 'authorbot'
  }
}

var microsoftAppId = isManagedIdentity ? identity!.properties.clientId : registrationAppId
var effectiveTenantId = isManagedIdentity ? identity!.properties.tenantId : tenantId

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module webApp 'modules/webApp.bicep' = {
  name: 'webApp'
  params: {
    baseName: baseName
    location: location
    tags: tags
    skuName: appServiceSku
    appType: appType
    appId: microsoftAppId
    appPassword: isManagedIdentity ? '' : appPassword
    tenantId: effectiveTenantId
    identityResourceId: isManagedIdentity ? identity.id : ''
    appInsightsConnectionString: monitoring.outputs.connectionString
    workspaceId: monitoring.outputs.workspaceId
    announcementsApiKey: announcementsApiKey
    emailFrom: emailFrom
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpSecurity: smtpSecurity
    smtpUser: smtpUser
    smtpPasswordSecretUri: smtpPasswordSecretUri
    instanceCount: planCapacity
    storageProvider: storageProvider
    // TLS required; the pool bounds each instance's share of the server's connections.
    postgresConnectionString: usesPostgres && empty(postgresConnectionStringSecretUri)
      ? 'Host=${postgres!.outputs.fullyQualifiedDomainName};Port=5432;Database=${postgres!.outputs.databaseName};Username=${postgresAdministratorLogin};Password=${postgresAdministratorPassword};Ssl Mode=Require;Maximum Pool Size=${postgresMaxPoolSize}'
      : ''
    postgresConnectionStringSecretUri: usesPostgres ? postgresConnectionStringSecretUri : ''
  }
}

var botEndpoint = 'https://${webApp.outputs.defaultHostName}/api/messages'

module bot 'modules/botService.bicep' = {
  name: 'bot'
  params: {
    name: baseName
    displayName: botDisplayName
    location: botLocation
    tags: tags
    sku: botSku
    endpoint: botEndpoint
    appType: appType
    appId: microsoftAppId
    tenantId: effectiveTenantId
    identityResourceId: isManagedIdentity ? identity.id : ''
  }
}

@description('The messaging endpoint registered with Azure Bot Service.')
output botEndpoint string = botEndpoint

@description('Default host name of the web app.')
output siteHostName string = webApp.outputs.defaultHostName

@description('Name of the web app, for az webapp deploy.')
output webAppName string = webApp.outputs.name

@description('The bot\'s Microsoft App ID: the id in the Teams app package (teams-package --app-id) and in Emulator.')
output microsoftAppId string = microsoftAppId

@description('Client id of the user-assigned managed identity; empty for SingleTenant and MultiTenant.')
output managedIdentityClientId string = isManagedIdentity ? identity!.properties.clientId : ''

@description('Resource id of the Azure Bot resource.')
output botResourceId string = bot.outputs.id

@description('Host name of the PostgreSQL server; empty for storageProvider Sqlite.')
output postgresServerName string = usesPostgres ? postgres!.outputs.fullyQualifiedDomainName : ''
