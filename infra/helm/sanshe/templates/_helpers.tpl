{{- define "sanshe.labels" -}}
app.kubernetes.io/part-of: sanshe
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "sanshe.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* The Secret holding JWT_SECRET, IDENTITY_SIGNING_KEY and IDENTITY_PUBLIC_KEYS. */}}
{{- define "sanshe.authSecret" -}}
{{- .Values.auth.existingSecret | default (printf "%s-auth" .Release.Name) -}}
{{- end -}}

{{- define "sanshe.mongoSecret" -}}
{{- .Values.mongodb.existingSecret | default (printf "%s-mongodb" .Release.Name) -}}
{{- end -}}

{{- define "sanshe.kafkaSecret" -}}
{{- .Values.kafka.sasl.existingSecret | default (printf "%s-kafka" .Release.Name) -}}
{{- end -}}

{{/* REGISTRY_MONGO_URL for registry, SOCIAL_ORGS_MONGO_URL for social-orgs, ... */}}
{{- define "sanshe.mongoKey" -}}
{{- printf "%s_MONGO_URL" (. | upper | replace "-" "_") -}}
{{- end -}}
