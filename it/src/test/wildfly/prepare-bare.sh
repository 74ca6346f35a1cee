#!/bin/sh
# Prepares the second WildFly of the ITs, the one that has NO Lumina settings (MissingSecretIT):
#  - standalone-bare.xml: the distribution's standalone.xml before wildfly-config/*.cli touched it;
#  - a JAVA_HOME whose bin/java starts the real one without the LUMINA_* environment variables that the
#    configured server reads (the managed container has no setting for the server's environment).
#   prepare-bare.sh WILDFLY_HOME REAL_JAVA_HOME TARGET_JAVA_HOME
set -eu
home=$1; real=$2; fake=$3
cp "$home/standalone/configuration/standalone.xml" "$home/standalone/configuration/standalone-bare.xml"
rm -rf "$fake"
mkdir -p "$fake/bin"
for entry in "$real"/*; do
  name=$(basename "$entry")
  [ "$name" = bin ] || ln -s "$entry" "$fake/$name"
done
for tool in "$real"/bin/*; do
  [ "$(basename "$tool")" = java ] || ln -s "$tool" "$fake/bin/$(basename "$tool")"
done
cat > "$fake/bin/java" <<SCRIPT
#!/bin/sh
for name in \$(env | sed -n 's/^\(LUMINA_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "\$name"; done
exec "$real/bin/java" "\$@"
SCRIPT
chmod +x "$fake/bin/java"
