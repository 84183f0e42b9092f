export default {
  title: 'Events',
  none: 'No events yet. Apply a manifest to see what the cluster does.',
};
