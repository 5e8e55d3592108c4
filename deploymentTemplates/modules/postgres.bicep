metadata description = 'Azure Database for PostgreSQL Flexible Server with the bot\'s database: the shared store of several AuthorBot instances (Storage:Provider=Postgres).'

@description('Prefix of the server name (BASENAME-pg.postgres.database.azure.com).')
param baseName string

@description('Azure region of the server.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Administrator login the bot connects with.')
param administratorLogin string

@description('Administrator password.')
@secure()
param administratorPassword string

@description('Compute size, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param skuName string

@description('Compute tier of skuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

@description('PostgreSQL major version.')
param version string

@description('Storage size in GiB; it grows by itself when nearly full.')
param storageSizeGB int

@description('Name of the bot\'s database.')
param databaseName string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${baseName}-pg'
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    // Public access with TLS (the server refuses unencrypted connections by default, require_secure_transport=on), open
    // only to addresses inside Azure by the rule below: App Service's outbound addresses are shared and can change, so
    // they cannot be listed one by one. A private endpoint needs the web app on a VNet (Basic plans and up support VNet
    // integration), which this template does not create.
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// The documented special rule 0.0.0.0-0.0.0.0: connections from Azure services (App Service among them), nothing else.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

@description('Host name of the server.')
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName

@description('Name of the bot\'s database.')
output databaseName string = database.name
