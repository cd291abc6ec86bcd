// plugin-throttling uses bottleneck's light build (no Redis code); so do we,
// with the full build's types.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
