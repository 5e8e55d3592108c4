metadata description = 'Log Analytics workspace and a workspace-based Application Insights component for the bot.'

@description('Prefix of the resource names.')
param baseName string

@description('Azure region of the resources.')
param location string

@description('Days Log Analytics keeps the bot\'s logs and telemetry.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags put on every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: '${baseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

// Workspace-based: classic Application Insights resources are retired; telemetry lands in the workspace above.
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

@description('Application Insights connection string (not a secret: it only allows sending telemetry).')
output connectionString string = appInsights.properties.ConnectionString

@description('Resource id of the Log Analytics workspace.')
output workspaceId string = workspace.id
